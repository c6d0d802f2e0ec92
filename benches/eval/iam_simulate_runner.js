// Runs scenario lines (the format of policy_core::eval::scenario, inline policies only) through
// @cloud-copilot/iam-simulate, installed by eval-vs-iam-simulate.sh (never vendored).
//
// Usage: node iam_simulate_runner.js INSTALL_DIR IN.jsonl OUT.jsonl
// Writes to OUT.jsonl every scenario the engine accepted, with its answer as `expect`
// ("allow", "explicit-deny", "implicit-deny"), and to stderr a JSON line with the counts and
// the rate: scenarios per second, JSON parsing included, one process, one thread, by the wall
// clock (`rate`) and by the CPU time the process used (`cpu_rate`: on a shared machine the wall
// clock also counts the time other processes held the cores).
'use strict'
const fs = require('fs')
const path = require('path')
const { createRequire } = require('module')

const [installDir, input, output] = process.argv.slice(2)
const load = createRequire(path.join(path.resolve(installDir), 'package.json'))
const { runSimulation, anonymousPrincipal } = load('@cloud-copilot/iam-simulate')

const OUTCOMES = { Allowed: 'allow', ExplicitlyDenied: 'explicit-deny', ImplicitlyDenied: 'implicit-deny' }

function simulation(s) {
  const named = (list) => (list || []).map((policy, i) => ({ name: `p${i}`, policy }))
  const levels = (list) => (list || []).map((level, i) => ({ orgIdentifier: `level-${i}`, policies: named(level) }))
  // iam-simulate adds AWS's RCPFullAWSAccess to every RCP level itself and accepts only Deny
  // statements in RCPs: the scenario's written-out Allow statements are left to it.
  const rcpLevels = (list) =>
    levels((list || []).map((level) => level.map((p) => ({ ...p, Statement: p.Statement.filter((s) => s.Effect !== 'Allow') }))))
  const r = s.request
  const principalAccount = r.principal.split(':')[4]
  return {
    request: {
      principal: r.principal === 'anonymous' ? anonymousPrincipal : r.principal,
      action: r.action,
      resource: { resource: r.resource || '*', accountId: r.resource_account || principalAccount },
      contextVariables: r.context || {},
    },
    identityPolicies: named(s.identity),
    serviceControlPolicies: levels(s.scp),
    resourceControlPolicies: rcpLevels(s.rcp),
    resourcePolicy: s.resource,
    permissionBoundaryPolicies: s.boundary ? named(s.boundary) : undefined,
  }
}

async function main() {
  const lines = fs.readFileSync(input, 'utf8').split('\n').filter((l) => l.trim() !== '')
  const out = []
  const errors = {}
  const start = process.hrtime.bigint()
  const cpuStart = process.cpuUsage()
  for (const line of lines) {
    const scenario = JSON.parse(line)
    const result = await runSimulation(simulation(scenario), {})
    if (result.resultType === 'single') {
      scenario.expect = OUTCOMES[result.overallResult]
      out.push(scenario)
    } else {
      const message = JSON.stringify(result.errors || result.resultType).slice(0, 160)
      errors[message] = (errors[message] || 0) + 1
    }
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  const cpu = process.cpuUsage(cpuStart)
  const cpuSeconds = (cpu.user + cpu.system) / 1e6
  fs.writeFileSync(output, out.map((s) => JSON.stringify(s)).join('\n') + '\n')
  process.stderr.write(JSON.stringify({ scenarios: lines.length, accepted: out.length, seconds, rate: lines.length / seconds, cpu_seconds: cpuSeconds, cpu_rate: lines.length / cpuSeconds, errors }) + '\n')
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack || error) + '\n')
  process.exit(2)
})

//! `wildcard-in-service-name` (a suggestion): `*` or `?` inside the service prefix of an action
//! (`*code*:Get*`) or the service field of a resource ARN (`arn:aws:*code*::123456789012:*`).
//!
//! Access Analyzer's `WILDCARD_IN_SERVICE_NAME` suggestion
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>):
//! a partial wildcard in a service name matches every service whose name fits, today's and
//! future ones (more than a dozen AWS services have `code` in their name). A service field that
//! is only `*` (`"Action": "*"`, `arn:aws:*:...`) says "every service" plainly and is left alone,
//! as is a value holding a `${...}` variable.

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::model::Statement;
use crate::validate::Sink;

pub(super) fn check(statement: &Statement, at: &Location, sink: &mut Sink<'_>) {
    if !sink.wants(Code::WildcardInServiceName) {
        return;
    }
    if let Some(actions) = statement.action() {
        let element = if actions.is_negated() {
            "NotAction"
        } else {
            "Action"
        };
        for (index, action) in actions.items().iter().enumerate() {
            let text = action.as_str();
            if let Some((service, _)) = text.split_once(':') {
                report(service, text, || at.clone().key(element).index(index), sink);
            }
        }
    }
    if let Some(resources) = statement.resource() {
        let element = if resources.is_negated() {
            "NotResource"
        } else {
            "Resource"
        };
        for (index, resource) in resources.items().iter().enumerate() {
            let text = resource.as_str();
            let mut fields = text.splitn(4, ':');
            if fields.next() != Some("arn") {
                continue;
            }
            if let (Some(_partition), Some(service)) = (fields.next(), fields.next()) {
                report(service, text, || at.clone().key(element).index(index), sink);
            }
        }
    }
}

fn report(service: &str, text: &str, location: impl FnOnce() -> Location, sink: &mut Sink<'_>) {
    if service == "*" || !service.contains(['*', '?']) || text.contains("${") {
        return;
    }
    sink.push(
        Diagnostic::new(
            Code::WildcardInServiceName,
            location(),
            format!(
                "the service name `{service}` in `{text}` has a wildcard, which matches every service whose name fits, future ones included"
            ),
        )
        .with_help("name each service in full"),
    );
}

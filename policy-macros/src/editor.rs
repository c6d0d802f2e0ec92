//! What an editor sees inside `policy!`: typed paths on the user's tokens, for rust-analyzer only.
//!
//! The expansion carries one `::typed_iam::__editor! { .. }` call. `typed-iam` defines that macro
//! to expand to nothing for the compiler and to its input under `cfg(rust_analyzer)`, the cfg
//! rust-analyzer sets when it analyzes a crate; the catalog's per-service enums are compiled under
//! the same cfg, so the editor has them while a build does not pay for them. Inside, each name is
//! a path spanned on the token the user wrote:
//!
//! - an action: `::typed_iam::catalog::bedrock::Action::CreateEvaluationJob` (hover: AWS's
//!   description, access level, resource types; go to definition: the catalog). A partial or
//!   unknown name (`bedrock:CreateEv`) still makes the path, so that the editor completes the
//!   enum's variants there;
//! - a condition key: its `ConditionKey` variant (hover: type and description). A partial or
//!   unknown key (`iam:Pass`) makes a module of the service's keys named as written after the
//!   `:` (`PassedToService`), so that completion inserts what the DSL expects;
//! - an operator: `::typed_iam::__operators::StringEquals` (hover: what it compares; completion of
//!   a partial operator).
//!
//! Nothing here decides anything: the compile errors come from the validator as before.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::Ident;

use crate::dsl::{ActionNode, ConditionLine, PolicyInput, StatementNode};
use crate::emit::root;

/// The editor's tokens for every statement of a policy.
pub(crate) fn policy(input: &PolicyInput) -> TokenStream {
    let mut out = Tokens::default();
    // The statements with a syntax error in their `when` block too: what the user is typing.
    for node in input.statements.iter().chain(&input.partial) {
        out.statement(node);
    }
    out.finish()
}

/// The editor's tokens for one statement.
pub(crate) fn statement(node: &StatementNode) -> TokenStream {
    let mut out = Tokens::default();
    out.statement(node);
    out.finish()
}

#[derive(Default)]
struct Tokens {
    statements: Vec<TokenStream>,
    /// How many modules of keys were made (their names must differ).
    modules: usize,
}

impl Tokens {
    fn finish(self) -> TokenStream {
        if self.statements.is_empty() {
            return TokenStream::new();
        }
        let root = root();
        let statements = self.statements;
        quote!(#root::__editor! { #(#statements)* })
    }

    fn statement(&mut self, node: &StatementNode) {
        if let Some(clause) = &node.actions {
            for action in clause.items.iter() {
                if let Some(path) = action_path(action) {
                    self.statements.push(quote!(let _ = #path;));
                }
            }
        }
        if let Some(clause) = &node.condition {
            for line in clause.lines.iter().chain(&clause.partial) {
                self.operator(line);
                self.key(line);
            }
        }
    }

    /// `StringEquals`, `ForAllValues:StringLikeIfExists`: the qualifier and the base operator
    /// (without `IfExists`, which has its own entry) each get a path.
    fn operator(&mut self, line: &ConditionLine) {
        let root = root();
        let (first, last) = line.operator_span;
        let (qualifier, base) = match line.operator.split_once(':') {
            Some((qualifier, base)) => (Some(qualifier), base),
            None => (None, line.operator.as_str()),
        };
        if let Some(qualifier) = qualifier.and_then(|text| ident(text, first)) {
            self.statements
                .push(quote!(let _ = #root::__operators::#qualifier;));
        }
        let base_span = if qualifier.is_some() { last } else { first };
        let base = match base.strip_suffix("IfExists") {
            Some(stripped) if !stripped.is_empty() => stripped,
            _ => base,
        };
        if let Some(base) = ident(base, base_span) {
            self.statements
                .push(quote!(let _ = #root::__operators::#base;));
        }
    }

    fn key(&mut self, line: &ConditionLine) {
        if line.key_unchecked {
            return;
        }
        let (first, last) = line.key_span;
        let catalog = catalog::index::catalog();
        if let Some(info) = catalog.condition_key(&line.key) {
            if info.is_oidc_claim() {
                return;
            }
            let module = if info.is_global() {
                Some("global".to_owned())
            } else {
                info.service()
                    .map(|service| catalog::ident::service_module(service.prefix()))
            };
            let variant = catalog::ident::condition_key_variant(info.name());
            if let (Some(module), Some(variant)) =
                (module.and_then(|m| ident(&m, first)), ident(&variant, last))
            {
                let root = root();
                self.statements
                    .push(quote!(let _ = #root::catalog::#module::ConditionKey::#variant;));
            }
            return;
        }
        // Unknown, maybe being typed: the service's keys (the global keys for `aws:`), named as
        // written after the `:`, and the partial name as a path into them.
        let Some((prefix, name)) = line.key.split_once(':') else {
            return;
        };
        let keys: Vec<catalog::index::ConditionKeyInfo> = if prefix.eq_ignore_ascii_case("aws") {
            catalog.global_condition_keys().collect()
        } else {
            match catalog.service(prefix) {
                Some(service) => service.condition_keys().collect(),
                None => return,
            }
        };
        let Some(partial) = ident(name, last) else {
            return;
        };
        let items = keys.iter().filter_map(|key| {
            let (key_prefix, rest) = key.name().split_once(':')?;
            if !key_prefix.eq_ignore_ascii_case(prefix) {
                return None;
            }
            // `RequestTag/${TagKey}` completes as `RequestTag`.
            let word = rest.split('/').next().unwrap_or(rest);
            let item = ident(word, Span::call_site())?;
            let doc = format!(
                "`{}` ({}): {}",
                key.name(),
                key.value_type(),
                key.description()
            );
            Some(quote! {
                #[doc = #doc]
                #[allow(non_upper_case_globals, dead_code)]
                pub const #item: &str = #word;
            })
        });
        let module = format_ident!("__policy_keys_{}", self.modules);
        self.modules += 1;
        self.statements.push(quote! {
            #[allow(non_snake_case, dead_code)]
            mod #module { #(#items)* }
            let _ = #module::#partial;
        });
    }
}

/// The catalog path of an action written `service:Name`, known or not (a partial name makes a
/// path too, for completion); none for patterns, `*`, `unchecked(..)` and unknown services.
fn action_path(node: &ActionNode) -> Option<TokenStream> {
    if node.unchecked {
        return None;
    }
    let (prefix, name) = node.text.split_once(':')?;
    if name.contains(['*', '?']) {
        return None;
    }
    let catalog = catalog::index::catalog();
    let service = catalog.service(prefix)?;
    let variant = match catalog.action_in(service, name) {
        // With the `enums` feature the value itself is this path (`emit`).
        Some(_) if cfg!(feature = "enums") => return None,
        Some(action) => catalog::ident::action_variant(action.name()),
        None => name.to_owned(),
    };
    let module = ident(
        &catalog::ident::service_module(service.prefix()),
        node.service_span.0,
    )?;
    let variant = ident(&variant, node.name_span.0)?;
    let root = root();
    Some(quote!(#root::catalog::#module::Action::#variant))
}

/// An identifier with `span`, if `text` is one (never panics on other text).
///
/// The catalog's names are ASCII, checked here by hand: `syn::parse_str` lexes the text into a
/// token stream first, which was 6% of the macro's expansion time in a debug build (`perf` on
/// `benches/expand.rs --profile dev`, the 50 policies of `benches/build-times.sh`). Other text
/// (a non-ASCII partial name) still goes through syn.
fn ident(text: &str, span: Span) -> Option<Ident> {
    if text.is_ascii() {
        let mut chars = text.bytes();
        let first = chars.next()?;
        let valid = (first.is_ascii_alphabetic() || first == b'_')
            && chars.all(|c| c.is_ascii_alphanumeric() || c == b'_')
            && text != "_"
            && !crate::dsl::is_keyword(text);
        return valid.then(|| Ident::new(text, span));
    }
    let mut ident: Ident = syn::parse_str(text).ok()?;
    ident.set_span(span);
    Some(ident)
}

#[cfg(test)]
mod tests {
    use quote::quote;

    fn editor(tokens: proc_macro2::TokenStream) -> String {
        let input = syn::parse2(tokens).unwrap();
        super::policy(&input).to_string()
    }

    #[test]
    fn known_names_are_catalog_paths() {
        let out = editor(quote! {
            allow [bedrock:CreateEvaluationJob, s3:getobject, s3:Get*] on * when {
                ForAllValues:StringEqualsIfExists aws:SourceArn: "x",
                StringEquals iam:PassedToService: "ecs-tasks.amazonaws.com",
            };
        });
        // With the `enums` feature, known actions are typed paths in the value itself (`emit`).
        let actions = [
            ":: typed_iam :: catalog :: bedrock :: Action :: CreateEvaluationJob",
            ":: typed_iam :: catalog :: s3 :: Action :: GetObject",
        ];
        for action in actions {
            assert_eq!(out.contains(action), cfg!(not(feature = "enums")), "{out}");
        }
        for expected in [
            ":: typed_iam :: __editor !",
            ":: typed_iam :: __operators :: ForAllValues",
            ":: typed_iam :: __operators :: StringEquals",
            ":: typed_iam :: catalog :: global :: ConditionKey :: AwsSourceArn",
            ":: typed_iam :: catalog :: iam :: ConditionKey :: IamPassedToService",
        ] {
            assert!(out.contains(expected), "{expected}\nin\n{out}");
        }
        assert!(!out.contains("Get *"), "{out}");
    }

    #[test]
    fn partial_names_still_make_paths() {
        let out = editor(quote! {
            allow bedrock:CreateEv on * when { StringEq iam:Pass: "x" };
        });
        for expected in [
            ":: typed_iam :: catalog :: bedrock :: Action :: CreateEv",
            ":: typed_iam :: __operators :: StringEq",
            "pub const PassedToService : & str = \"PassedToService\"",
            "let _ = __policy_keys_0 :: Pass",
        ] {
            assert!(out.contains(expected), "{expected}\nin\n{out}");
        }
    }

    /// The line being typed has no `: value` yet, which is a syntax error: the statement is not
    /// lowered, but the editor still gets the operator and the key, so completion works there.
    #[test]
    fn a_line_cut_short_still_makes_paths() {
        for tokens in [
            quote! { allow iam:PassRole on * when { StringEquals iam:Pass }; },
            quote! { allow iam:PassRole on * when { StringEquals iam:Pass, Bool aws:SecureTransport: true }; },
            quote! { allow iam:PassRole on * when { StringEquals iam:Pass: }; },
        ] {
            let input: crate::dsl::PolicyInput = syn::parse2(tokens).unwrap();
            assert_eq!(input.errors.len(), 1);
            assert!(input.statements.is_empty());
            let out = super::policy(&input).to_string();
            for expected in [
                ":: typed_iam :: __operators :: StringEquals",
                "pub const PassedToService : & str = \"PassedToService\"",
                "let _ = __policy_keys_0 :: Pass",
            ] {
                assert!(out.contains(expected), "{expected}\nin\n{out}");
            }
        }
    }

    #[test]
    fn names_that_are_not_identifiers_are_left_out() {
        let out = editor(quote! {
            allow [nosuchservice:Thing, unchecked("x:y"), "s3:GetObject"] on *;
        });
        assert!(!out.contains("nosuchservice"), "{out}");
        assert_eq!(
            out.contains("s3 :: Action :: GetObject"),
            cfg!(not(feature = "enums")),
            "{out}"
        );
        assert!(editor(quote! { allow * on *; }).is_empty());
    }
}

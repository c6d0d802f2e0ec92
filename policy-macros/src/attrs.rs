//! The policy-level inner attributes: `#![version = ..]`, `#![id = ..]`, `#![kind = ..]`,
//! `#![target = ..]` and `#![allow(..)]`.

use std::str::FromStr;

use policy_core::{Code, Version};
use proc_macro2::Span;
use syn::spanned::Spanned;

use crate::lower::Shape;

/// What the attributes say.
pub(crate) struct Settings {
    pub(crate) shape: Shape,
    /// `#![kind = trust]`: the name as written and its span (checked by [`crate::check`]).
    pub(crate) kind: Option<(String, Span)>,
    /// `#![target = role_inline]`.
    pub(crate) target: Option<(String, Span)>,
    /// `#![allow(placeholder_value)]`: the codes silenced for this policy.
    pub(crate) allowed: Vec<Code>,
}

/// Reads the attributes; every problem is returned, none stops the others.
pub(crate) fn settings(attrs: &[syn::Attribute]) -> (Settings, Vec<syn::Error>) {
    let mut errors = Vec::new();
    let mut settings = Settings {
        shape: Shape {
            version: Some(Version::V2012_10_17),
            version_span: None,
            id: None,
            statement_object: None,
        },
        kind: None,
        target: None,
        allowed: Vec::new(),
    };
    for attr in attrs {
        if let Err(error) = apply(attr, &mut settings) {
            errors.push(error);
        }
    }
    (settings, errors)
}

const ATTRIBUTES: [&str; 6] = ["version", "id", "kind", "target", "allow", "statement"];

fn apply(attr: &syn::Attribute, settings: &mut Settings) -> syn::Result<()> {
    let path = attr.path();
    let name = path
        .get_ident()
        .map(ToString::to_string)
        .unwrap_or_default();
    match (name.as_str(), &attr.meta) {
        ("version", syn::Meta::NameValue(meta)) => {
            let span = (meta.path.span(), meta.value.span());
            settings.shape.version_span = Some(span);
            settings.shape.version = match &meta.value {
                syn::Expr::Path(value) if value.path.is_ident("none") => None,
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(lit),
                    ..
                }) => match lit.value().as_str() {
                    "2012-10-17" => Some(Version::V2012_10_17),
                    "2008-10-17" => Some(Version::V2008_10_17),
                    other => {
                        return Err(syn::Error::new(
                            lit.span(),
                            format!(
                                "invalid policy version `{other}` [{}]\n= help: the versions are `2012-10-17` and `2008-10-17`; `none` leaves `Version` out",
                                Code::InvalidVersion
                            ),
                        ))
                    }
                },
                other => {
                    return Err(syn::Error::new_spanned(
                        other,
                        "expected `\"2012-10-17\"`, `\"2008-10-17\"` or `none`",
                    ))
                }
            };
            Ok(())
        }
        ("id", syn::Meta::NameValue(meta)) => match &meta.value {
            syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(lit),
                ..
            }) => {
                settings.shape.id = Some((lit.value(), lit.span()));
                Ok(())
            }
            other => Err(syn::Error::new_spanned(other, "expected a string literal")),
        },
        ("statement", syn::Meta::NameValue(meta)) => match &meta.value {
            syn::Expr::Path(value) if value.path.is_ident("object") => {
                settings.shape.statement_object = Some(value.path.span());
                Ok(())
            }
            syn::Expr::Path(value) if value.path.is_ident("array") => {
                settings.shape.statement_object = None;
                Ok(())
            }
            other => Err(syn::Error::new_spanned(
                other,
                "expected `object` (`\"Statement\": {..}`) or `array` (`\"Statement\": [..]`, the default)",
            )),
        },
        ("kind" | "target", syn::Meta::NameValue(meta)) => {
            let value = match &meta.value {
                syn::Expr::Path(value) => value.path.get_ident().map(|ident| ident.to_string()),
                _ => None,
            };
            let Some(value) = value else {
                return Err(syn::Error::new_spanned(
                    &meta.value,
                    "expected a name such as `trust`",
                ));
            };
            let entry = Some((value, meta.value.span()));
            if name == "kind" {
                settings.kind = entry;
            } else {
                settings.target = entry;
            }
            Ok(())
        }
        ("allow", syn::Meta::List(list)) => {
            let mut errors: Option<syn::Error> = None;
            let names = list.parse_args_with(
                syn::punctuated::Punctuated::<syn::Ident, syn::Token![,]>::parse_terminated,
            )?;
            for ident in names {
                // Codes are kebab-case; in the attribute they are written as Rust lints are,
                // with `_`: `placeholder_value` is `placeholder-value`.
                let code_name = ident.to_string().replace('_', "-");
                match Code::from_str(&code_name) {
                    Ok(code) => settings.allowed.push(code),
                    Err(error) => {
                        let help = match error.suggestion {
                            Some(suggestion) => {
                                format!("did you mean `{}`?", suggestion.replace('-', "_"))
                            }
                            None => "the names are the diagnostic codes with `_` for `-`, such as `placeholder_value`".to_owned(),
                        };
                        let error = syn::Error::new(
                            ident.span(),
                            format!("unknown diagnostic code `{ident}`\n= help: {help}"),
                        );
                        match &mut errors {
                            Some(all) => all.combine(error),
                            None => errors = Some(error),
                        }
                    }
                }
            }
            errors.map_or(Ok(()), Err)
        }
        (known, _) if ATTRIBUTES.contains(&known) => Err(syn::Error::new_spanned(
            &attr.meta,
            match known {
                "allow" => "expected `allow(code, ...)`",
                "version" => "expected `version = \"2012-10-17\"`",
                "id" => "expected `id = \"...\"`",
                "kind" => "expected `kind = identity`, `resource`, `trust`, `scp` or `rcp`",
                "statement" => "expected `statement = object` or `statement = array`",
                _ => "expected `target = role_inline` or another size target",
            },
        )),
        (other, _) => {
            let help = match catalog::suggest(other, ATTRIBUTES) {
                Some(suggestion) => format!("did you mean `{suggestion}`?"),
                None => {
                    "the attributes are `version`, `id`, `kind`, `target`, `allow` and `statement`"
                        .to_owned()
                }
            };
            Err(syn::Error::new_spanned(
                path,
                format!("unknown policy attribute `{other}`\n= help: {help}"),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attrs(tokens: proc_macro2::TokenStream) -> Vec<syn::Attribute> {
        let parser = syn::Attribute::parse_inner;
        syn::parse::Parser::parse2(parser, tokens).unwrap_or_default()
    }

    #[test]
    fn reads_every_attribute() {
        let (settings, errors) = settings(&attrs(quote::quote! {
            #![version = none]
            #![id = "P1"]
            #![kind = trust]
            #![allow(placeholder_value, action_case)]
        }));
        assert!(errors.is_empty());
        assert_eq!(settings.shape.version, None);
        assert_eq!(settings.shape.id.map(|(id, _)| id), Some("P1".to_owned()));
        assert_eq!(
            settings.kind.map(|(kind, _)| kind),
            Some("trust".to_owned())
        );
        assert_eq!(
            settings.allowed,
            vec![Code::PlaceholderValue, Code::ActionCase]
        );
    }

    #[test]
    fn unknown_codes_and_attributes_get_suggestions() {
        let (_, errors) = settings(&attrs(quote::quote! {
            #![allow(placeholder_valu)]
            #![verison = "2012-10-17"]
        }));
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 2);
        assert!(
            messages[0].contains("did you mean `placeholder_value`?"),
            "{messages:?}"
        );
        assert!(
            messages[1].contains("did you mean `version`?"),
            "{messages:?}"
        );
    }
}

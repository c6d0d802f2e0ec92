//! A scenario's and a request's fields as written, before they are checked: the first step of
//! [`super::scenario`]. The policies stay borrowed, unparsed JSON (`RawValue`), so that the
//! reader can point its errors into them.
//!
//! `Deserialize` is written by hand (`typed-iam-core` does not use serde's derive macros, so that
//! a user's first build does not compile `serde_derive` and its own copy of `syn`; see
//! `benches/build-times/RESULTS.md`): every key known, an unknown one rejected with the list of
//! the known ones, `request` required, a key given twice rejected.

use std::borrow::Cow;
use std::fmt;

use serde_core::de::{self, Deserializer, MapAccess, Visitor};
use serde_core::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;

use crate::serde_fields::{set_once, Field};

/// A scenario's fields.
pub(super) struct RawScenario<'a> {
    pub(super) name: Option<String>,
    pub(super) identity: Option<&'a RawValue>,
    pub(super) resource: Option<&'a RawValue>,
    pub(super) session: Option<&'a RawValue>,
    pub(super) boundary: Option<&'a RawValue>,
    pub(super) vpc_endpoint: Option<&'a RawValue>,
    pub(super) scp: Option<&'a RawValue>,
    pub(super) rcp: Option<&'a RawValue>,
    pub(super) management_account: Option<String>,
    pub(super) request: &'a RawValue,
    pub(super) expect: Option<&'a RawValue>,
}

const SCENARIO_FIELDS: &[&str] = &[
    "name",
    "identity",
    "resource",
    "session",
    "boundary",
    "vpc_endpoint",
    "scp",
    "rcp",
    "management_account",
    "request",
    "expect",
];

impl<'de: 'a, 'a> Deserialize<'de> for RawScenario<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ScenarioVisitor)
    }
}

struct ScenarioVisitor;

impl<'de> Visitor<'de> for ScenarioVisitor {
    type Value = RawScenario<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a scenario (an object with `request` and the policies)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawScenario<'de>, A::Error> {
        let mut name = None;
        let mut management_account = None;
        // The policies and the request, by their index in `SCENARIO_FIELDS`.
        let mut raw: [Option<&'de RawValue>; SCENARIO_FIELDS.len()] = [None; SCENARIO_FIELDS.len()];
        while let Some(field) = map.next_key_seed(Field(SCENARIO_FIELDS))? {
            let key = SCENARIO_FIELDS[field];
            match key {
                "name" => set_once(&mut name, map.next_value()?, key)?,
                "management_account" => set_once(&mut management_account, map.next_value()?, key)?,
                _ => set_once(&mut raw[field], map.next_value()?, key)?,
            }
        }
        let [_, identity, resource, session, boundary, vpc_endpoint, scp, rcp, _, request, expect] =
            raw;
        Ok(RawScenario {
            name,
            identity,
            resource,
            session,
            boundary,
            vpc_endpoint,
            scp,
            rcp,
            management_account,
            request: request.ok_or_else(|| de::Error::missing_field("request"))?,
            expect,
        })
    }
}

/// A request's fields. The principal and the action are borrowed from the file's text when they
/// have no escapes: two allocations fewer a scenario.
pub(super) struct RawRequest<'a> {
    pub(super) principal: Option<Cow<'a, str>>,
    pub(super) action: Cow<'a, str>,
    pub(super) resource: Option<String>,
    pub(super) resource_account: Option<String>,
    pub(super) context: Option<serde_json::Map<String, Value>>,
    pub(super) unchecked: bool,
}

const REQUEST_FIELDS: &[&str] = &[
    "principal",
    "action",
    "resource",
    "resource_account",
    "context",
    "unchecked",
];

impl<'de: 'a, 'a> Deserialize<'de> for RawRequest<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(RequestVisitor)
    }
}

struct RequestVisitor;

impl<'de> Visitor<'de> for RequestVisitor {
    type Value = RawRequest<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a request (an object with `action`)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawRequest<'de>, A::Error> {
        let (mut principal, mut action, mut resource, mut resource_account) =
            (None, None, None, None);
        let (mut context, mut unchecked) = (None, None);
        while let Some(field) = map.next_key_seed(Field(REQUEST_FIELDS))? {
            let key = REQUEST_FIELDS[field];
            match field {
                0 => set_once(&mut principal, map.next_value::<CowStr<'de>>()?.0, key)?,
                1 => set_once(&mut action, map.next_value::<CowStr<'de>>()?.0, key)?,
                2 => set_once(&mut resource, map.next_value()?, key)?,
                3 => set_once(&mut resource_account, map.next_value()?, key)?,
                4 => set_once(&mut context, map.next_value()?, key)?,
                _ => set_once(&mut unchecked, map.next_value()?, key)?,
            }
        }
        Ok(RawRequest {
            principal,
            action: action.ok_or_else(|| de::Error::missing_field("action"))?,
            resource,
            resource_account,
            context,
            unchecked: unchecked.unwrap_or(false),
        })
    }
}

/// A string borrowed from the input when it has no escapes, owned otherwise (what serde's
/// derive gives a `Cow<str>` field marked `#[serde(borrow)]`; `Cow`'s own `Deserialize`
/// always copies).
pub(crate) struct CowStr<'de>(pub(crate) Cow<'de, str>);

impl<'de> Deserialize<'de> for CowStr<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CowVisitor;
        impl<'de> Visitor<'de> for CowVisitor {
            type Value = CowStr<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<CowStr<'de>, E> {
                Ok(CowStr(Cow::Borrowed(text)))
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<CowStr<'de>, E> {
                Ok(CowStr(Cow::Owned(text.to_owned())))
            }
        }
        deserializer.deserialize_str(CowVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_reads_escaped_keys_included() {
        let text = r#"{"name": "n", "identity": [], "resource": {"a": 1}, "session": [], "boundary": [],
            "vpc_endpoint": [], "scp": [[]], "rcp": [], "management_account": "111122223333",
            "request": {"action": "s3:GetObject"}, "\u0065xpect": "allow"}"#;
        let raw: RawScenario<'_> = serde_json::from_str(text).unwrap();
        assert_eq!(raw.name.as_deref(), Some("n"));
        assert_eq!(raw.resource.map(RawValue::get), Some(r#"{"a": 1}"#));
        assert_eq!(raw.scp.map(RawValue::get), Some("[[]]"));
        assert_eq!(raw.management_account.as_deref(), Some("111122223333"));
        assert_eq!(raw.request.get(), r#"{"action": "s3:GetObject"}"#);
        assert_eq!(raw.expect.map(RawValue::get), Some(r#""allow""#));
        for field in [
            raw.identity,
            raw.session,
            raw.boundary,
            raw.vpc_endpoint,
            raw.rcp,
        ] {
            assert_eq!(field.map(RawValue::get), Some("[]"));
        }
    }

    #[test]
    fn unknown_missing_and_repeated_keys_are_errors() {
        let cases = [
            (
                r#"{"request": {}, "idenity": []}"#,
                "unknown field `idenity`, expected one of `name`",
            ),
            (r#"{"identity": []}"#, "missing field `request`"),
            (
                r#"{"request": {}, "request": {}}"#,
                "duplicate field `request`",
            ),
            (r#"[]"#, "expected a scenario"),
        ];
        for (text, expected) in cases {
            let error = serde_json::from_str::<RawScenario<'_>>(text)
                .err()
                .unwrap()
                .to_string();
            assert!(error.contains(expected), "{text}: {error}");
        }
    }

    #[test]
    fn a_request_reads_every_field() {
        let text = r#"{"principal": "p", "action": "s3:GetObject", "resource": "r",
            "resource_account": "a", "context": {"aws:SourceIp": "10.0.0.1"}, "unchecked": true}"#;
        let raw: RawRequest<'_> = serde_json::from_str(text).unwrap();
        assert!(
            matches!(raw.action, Cow::Borrowed(_)),
            "borrowed when unescaped"
        );
        assert_eq!(raw.principal.as_deref(), Some("p"));
        assert_eq!(raw.action, "s3:GetObject");
        assert_eq!(raw.resource.as_deref(), Some("r"));
        assert_eq!(raw.resource_account.as_deref(), Some("a"));
        assert_eq!(raw.context.map(|context| context.len()), Some(1));
        assert!(raw.unchecked);
        let plain: RawRequest<'_> =
            serde_json::from_str(r#"{"action": "s3:\u0047etObject"}"#).unwrap();
        assert_eq!(plain.action, "s3:GetObject", "owned when escaped");
        assert!(!plain.unchecked && plain.context.is_none());
        let errors = [
            (r#"{"principal": "p"}"#, "missing field `action`"),
            (r#"{"action": "x", "unchecked": "yes"}"#, "invalid type"),
            (r#"{"action": "x", "ation": "y"}"#, "unknown field `ation`"),
            (
                r#"{"action": "x", "action": "y"}"#,
                "duplicate field `action`",
            ),
        ];
        for (text, expected) in errors {
            let error = serde_json::from_str::<RawRequest<'_>>(text)
                .err()
                .unwrap()
                .to_string();
            assert!(error.contains(expected), "{text}: {error}");
        }
    }
}

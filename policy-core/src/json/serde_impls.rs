//! serde: the same JSON as [`Policy::to_json`] and [`Policy::from_json`].
//!
//! Serializing writes keys in the canonical order and numbers in conditions exactly as written
//! (integers in their canonical form through `serialize_u64`/`serialize_i64`, any other number
//! through `serde_json`'s `RawValue`, which needs its `raw_value` feature only).
//!
//! Deserializing a [`Policy`] or [`Statement`] takes the value's JSON text (a `RawValue`) and
//! runs the exact reader on it, so it rejects what [`Policy::from_json`] rejects and keeps what
//! it keeps (key order, number text, duplicate-key detection). It therefore needs a JSON
//! deserializer (`serde_json`); other formats are not supported. `serde_json::from_value` works
//! too, but a `serde_json::Value` has already sorted object keys and turned numbers into floats,
//! so read from text to keep the written order and number text.

use serde_core::de::{self, Deserialize, Deserializer};
use serde_core::ser::{Serialize, SerializeMap, SerializeSeq, SerializeStruct, Serializer};
use serde_json::value::RawValue;

use crate::model::{
    Action, Condition, ConditionBlock, ConditionEntry, ConditionValue, Effect, OneOrMany, Operator,
    Policy, Principal, PrincipalKind, Principals, Resource, Statement, Version,
};

impl Serialize for Policy {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let len = 1 + usize::from(self.version.is_some()) + usize::from(self.id.is_some());
        let mut object = serializer.serialize_struct("Policy", len)?;
        if let Some(version) = &self.version {
            object.serialize_field("Version", version)?;
        }
        if let Some(id) = &self.id {
            object.serialize_field("Id", id)?;
        }
        object.serialize_field("Statement", &self.statements)?;
        object.end()
    }
}

impl Serialize for Statement {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let len = 1
            + usize::from(self.sid.is_some())
            + usize::from(self.principal.is_some())
            + usize::from(self.action.is_some())
            + usize::from(self.resource.is_some())
            + usize::from(self.condition.is_some());
        let mut object = serializer.serialize_struct("Statement", len)?;
        if let Some(sid) = &self.sid {
            object.serialize_field("Sid", sid)?;
        }
        object.serialize_field("Effect", &self.effect)?;
        match &self.principal {
            Some(Principals::Principal(principal)) => {
                object.serialize_field("Principal", principal)?;
            }
            Some(Principals::NotPrincipal(principal)) => {
                object.serialize_field("NotPrincipal", principal)?;
            }
            None => {}
        }
        if let Some(actions) = &self.action {
            let key = if actions.negated {
                "NotAction"
            } else {
                "Action"
            };
            object.serialize_field(key, &actions.items)?;
        }
        if let Some(resources) = &self.resource {
            let key = if resources.negated {
                "NotResource"
            } else {
                "Resource"
            };
            object.serialize_field(key, &resources.items)?;
        }
        if let Some(condition) = &self.condition {
            object.serialize_field("Condition", condition)?;
        }
        object.end()
    }
}

impl<T: Serialize> Serialize for OneOrMany<T> {
    /// A single item as itself, otherwise an array (of any length).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.items.as_slice() {
            [single] if self.single => single.serialize(serializer),
            items => {
                let mut array = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    array.serialize_element(item)?;
                }
                array.end()
            }
        }
    }
}

impl Serialize for Principal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Principal::Wildcard => serializer.serialize_str("*"),
            Principal::Map(kinds) => {
                let mut object = serializer.serialize_map(Some(kinds.len()))?;
                for (kind, values) in kinds {
                    object.serialize_entry(kind.as_str(), values)?;
                }
                object.end()
            }
        }
    }
}

impl Serialize for Condition {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut object = serializer.serialize_map(Some(self.blocks.len()))?;
        for block in &self.blocks {
            object.serialize_entry(block.operator.as_str(), &Entries(&block.entries))?;
        }
        object.end()
    }
}

impl Serialize for ConditionBlock {
    /// One operator block as a JSON object of one member: `{"StringEquals": {...}}`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut object = serializer.serialize_map(Some(1))?;
        object.serialize_entry(self.operator.as_str(), &Entries(&self.entries))?;
        object.end()
    }
}

/// The keys of one operator block as a JSON object.
struct Entries<'a>(&'a [ConditionEntry]);

impl Serialize for Entries<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut object = serializer.serialize_map(Some(self.0.len()))?;
        for entry in self.0 {
            object.serialize_entry(&entry.key, &entry.values)?;
        }
        object.end()
    }
}

impl Serialize for ConditionValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            ConditionValue::String(text) => serializer.serialize_str(text),
            ConditionValue::Bool(value) => serializer.serialize_bool(*value),
            ConditionValue::Number(text) => {
                // Integers in their canonical form go through the data model, so that formats
                // other than JSON get a number too; any other text verbatim, as `RawValue`.
                if let Ok(value) = text.parse::<u64>() {
                    if value.to_string() == *text {
                        return serializer.serialize_u64(value);
                    }
                }
                if let Ok(value) = text.parse::<i64>() {
                    if value.to_string() == *text {
                        return serializer.serialize_i64(value);
                    }
                }
                if super::tree::is_number(text) {
                    if let Ok(raw) = RawValue::from_string(text.clone()) {
                        return raw.serialize(serializer);
                    }
                }
                // Not a JSON number (only a hand-made model holds that): a string, as the
                // writer does.
                serializer.serialize_str(text)
            }
        }
    }
}

macro_rules! string_like {
    ($($ty:ty),*) => {$(
        impl Serialize for $ty {
            /// The same text as `Display`.
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            /// The same text as `FromStr`.
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
                text.parse().map_err(de::Error::custom)
            }
        }
    )*};
}

string_like!(Effect, Version, PrincipalKind, Operator, Resource, Action);

impl<'de> Deserialize<'de> for Policy {
    /// Reads the value's JSON text with [`Policy::from_json`] (needs `serde_json`).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        Policy::from_json(raw.get()).map_err(de::Error::custom)
    }
}

impl<'de> Deserialize<'de> for Statement {
    /// Reads the value's JSON text with [`Statement::from_json`] (needs `serde_json`).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        Statement::from_json(raw.get()).map_err(de::Error::custom)
    }
}

impl<'de> Deserialize<'de> for ConditionValue {
    /// A JSON string, number (its text kept) or boolean (needs `serde_json`).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        let text = raw.get();
        let tape = match super::tree::parse(text) {
            Ok(tape) => tape,
            Err(error) => return Err(de::Error::custom(error.message)),
        };
        match tape.root(text).value() {
            super::tree::Value::String(text) => Ok(ConditionValue::String(text.into_owned())),
            super::tree::Value::Number(text) => Ok(ConditionValue::Number(text.to_owned())),
            super::tree::Value::Bool(value) => Ok(ConditionValue::Bool(value)),
            other => Err(de::Error::custom(format!(
                "expected a string, number or boolean for a condition value, found {}",
                other.type_name()
            ))),
        }
    }
}

//! `Serialize` and `Deserialize` for the CORS types, written by hand: `typed-iam-core` does not
//! use serde's derive macros, so that a user's first build does not compile `serde_derive` and
//! its own copy of `syn` (measured in `benches/build-times/RESULTS.md`). The JSON is what the
//! derives gave: the keys in S3's order, absent options left out, unknown keys and methods
//! rejected with serde's usual messages (`unknown field`, `unknown variant`, `missing field`).

use std::fmt;

use serde_core::de::{self, MapAccess, Visitor};
use serde_core::ser::SerializeMap;
use serde_core::{Deserialize, Deserializer, Serialize, Serializer};

use super::{CorsConfiguration, CorsRule, Method};
use crate::serde_fields::{set_once, Field};

/// The keys of a rule, in the order they are written.
const FIELDS: &[&str] = &[
    "AllowedHeaders",
    "AllowedMethods",
    "AllowedOrigins",
    "ExposeHeaders",
    "MaxAgeSeconds",
    "ID",
];

/// The methods as S3 spells them.
const METHODS: &[&str] = &["GET", "PUT", "POST", "DELETE", "HEAD"];

impl Serialize for CorsConfiguration {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.rules.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for CorsConfiguration {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Self {
            rules: Vec::deserialize(deserializer)?,
        })
    }
}

impl Serialize for Method {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Method {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MethodVisitor;
        impl Visitor<'_> for MethodVisitor {
            type Value = Method;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an HTTP method: GET, PUT, POST, DELETE or HEAD")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Method, E> {
                Method::ALL
                    .into_iter()
                    .find(|method| method.as_str() == text)
                    .ok_or_else(|| E::unknown_variant(text, METHODS))
            }
        }
        deserializer.deserialize_str(MethodVisitor)
    }
}

impl Serialize for CorsRule {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let present = [
            self.allowed_headers.is_some(),
            true,
            true,
            self.expose_headers.is_some(),
            self.max_age_seconds.is_some(),
            self.id.is_some(),
        ];
        let mut map = serializer.serialize_map(Some(present.iter().filter(|p| **p).count()))?;
        if let Some(headers) = &self.allowed_headers {
            map.serialize_entry(FIELDS[0], headers)?;
        }
        map.serialize_entry(FIELDS[1], &self.allowed_methods)?;
        map.serialize_entry(FIELDS[2], &self.allowed_origins)?;
        if let Some(headers) = &self.expose_headers {
            map.serialize_entry(FIELDS[3], headers)?;
        }
        if let Some(seconds) = &self.max_age_seconds {
            map.serialize_entry(FIELDS[4], seconds)?;
        }
        if let Some(id) = &self.id {
            map.serialize_entry(FIELDS[5], id)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for CorsRule {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(RuleVisitor)
    }
}

struct RuleVisitor;

impl<'de> Visitor<'de> for RuleVisitor {
    type Value = CorsRule;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a CORS rule (an object with `AllowedMethods` and `AllowedOrigins`)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<CorsRule, A::Error> {
        let mut rule = CorsRule::default();
        let (mut methods, mut origins) = (None, None);
        while let Some(field) = map.next_key_seed(Field(FIELDS))? {
            let name = FIELDS[field];
            match field {
                0 => set_once(&mut rule.allowed_headers, map.next_value()?, name)?,
                1 => set_once(&mut methods, map.next_value()?, name)?,
                2 => set_once(&mut origins, map.next_value()?, name)?,
                3 => set_once(&mut rule.expose_headers, map.next_value()?, name)?,
                4 => set_once(&mut rule.max_age_seconds, map.next_value()?, name)?,
                _ => set_once(&mut rule.id, map.next_value()?, name)?,
            }
        }
        rule.allowed_methods = methods.ok_or_else(|| de::Error::missing_field(FIELDS[1]))?;
        rule.allowed_origins = origins.ok_or_else(|| de::Error::missing_field(FIELDS[2]))?;
        Ok(rule)
    }
}

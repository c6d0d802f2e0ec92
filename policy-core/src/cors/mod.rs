//! An S3 bucket's CORS configuration: the other document AWS's Bedrock pages ask for (a model
//! evaluation job started from the console needs a CORS configuration on its bucket).
//!
//! The JSON form is the one the S3 console reads and writes: an array of rules with the keys
//! `AllowedHeaders`, `AllowedMethods`, `AllowedOrigins`, `ExposeHeaders`, `MaxAgeSeconds` and
//! `ID`. Reading checks what S3 checks (sources:
//! <https://docs.aws.amazon.com/AmazonS3/latest/userguide/ManageCorsUsing.html> and
//! <https://docs.aws.amazon.com/AmazonS3/latest/API/API_CORSRule.html>):
//! - `AllowedMethods` and `AllowedOrigins` are required and not empty; the methods are `GET`,
//!   `PUT`, `POST`, `DELETE` and `HEAD`, exactly so spelled;
//! - an origin, and an allowed header, contains at most one `*`;
//! - at most 100 rules; an `ID` is at most 255 characters;
//! - no other key (a typo such as `AllowedOrigin` would otherwise be dropped silently).
//!
//! Writing gives the keys in the order above and leaves absent elements out, so a configuration
//! read and written back is the same JSON value.
//!
//! ```
//! use typed_iam_core::cors::{CorsConfiguration, Method};
//!
//! let text = r#"[{"AllowedHeaders": ["*"], "AllowedMethods": ["GET", "PUT"], "AllowedOrigins": ["*"]}]"#;
//! let cors = CorsConfiguration::from_json(text)?;
//! assert_eq!(cors.rules[0].allowed_methods, [Method::Get, Method::Put]);
//! assert_eq!(cors.to_json(), r#"[{"AllowedHeaders":["*"],"AllowedMethods":["GET","PUT"],"AllowedOrigins":["*"]}]"#);
//!
//! let typo = CorsConfiguration::from_json(r#"[{"AllowedMethods": ["FETCH"], "AllowedOrigins": ["*"]}]"#);
//! assert!(typo.unwrap_err().to_string().contains("FETCH"));
//! # Ok::<(), typed_iam_core::cors::CorsError>(())
//! ```

use std::fmt;

mod serde_impls;

/// The most rules a configuration may have.
pub const MAX_RULES: usize = 100;
/// The longest `ID` of a rule, in characters.
pub const MAX_ID_CHARS: usize = 255;

/// A bucket's CORS configuration: its rules, in order (S3 uses the first rule that applies).
///
/// It is `Serialize` and `Deserialize` in S3's JSON form (an array of rules), as
/// [`CorsConfiguration::to_json`] and [`CorsConfiguration::from_json`] write and read it; the
/// latter also checks S3's rules.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CorsConfiguration {
    /// The rules.
    pub rules: Vec<CorsRule>,
}

/// One CORS rule. Its JSON keys are S3's: `AllowedHeaders`, `AllowedMethods`, `AllowedOrigins`,
/// `ExposeHeaders`, `MaxAgeSeconds` and `ID`; absent options are left out when written.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CorsRule {
    /// The headers a preflight request may ask for (`Access-Control-Request-Headers`).
    pub allowed_headers: Option<Vec<String>>,
    /// The HTTP methods the origins may use.
    pub allowed_methods: Vec<Method>,
    /// The origins allowed, such as `https://console.aws.amazon.com` or `*`.
    pub allowed_origins: Vec<String>,
    /// The response headers a browser script may read.
    pub expose_headers: Option<Vec<String>>,
    /// How long a browser may cache the preflight response, in seconds.
    pub max_age_seconds: Option<u32>,
    /// The rule's identifier.
    pub id: Option<String>,
}

/// An HTTP method a CORS rule allows; in JSON as S3 spells it (`GET`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Method {
    /// `GET`.
    Get,
    /// `PUT`.
    Put,
    /// `POST`.
    Post,
    /// `DELETE`.
    Delete,
    /// `HEAD`.
    Head,
}

impl Method {
    /// Every method, in the order of S3's documentation.
    pub const ALL: [Method; 5] = [
        Method::Get,
        Method::Put,
        Method::Post,
        Method::Delete,
        Method::Head,
    ];

    /// The method as S3 spells it: `GET`.
    ///
    /// ```
    /// assert_eq!(typed_iam_core::cors::Method::Delete.as_str(), "DELETE");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Put => "PUT",
            Method::Post => "POST",
            Method::Delete => "DELETE",
            Method::Head => "HEAD",
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Method {
    type Err = crate::ParseValueError;

    /// Parses `GET`, `PUT`, `POST`, `DELETE` or `HEAD`, exactly so spelled.
    ///
    /// ```
    /// use typed_iam_core::cors::Method;
    /// assert_eq!("HEAD".parse::<Method>()?, Method::Head);
    /// assert_eq!("get".parse::<Method>().unwrap_err().help().as_deref(), Some("did you mean `GET`?"));
    /// # Ok::<(), typed_iam_core::ParseValueError>(())
    /// ```
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Method::ALL
            .into_iter()
            .find(|method| method.as_str() == text)
            .ok_or_else(|| {
                crate::ParseValueError::new(
                    "CORS method",
                    text,
                    &["GET", "PUT", "POST", "DELETE", "HEAD"],
                )
            })
    }
}

/// Why a text is not a valid CORS configuration. `Display` is one line; [`CorsError::help`]
/// says how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorsError {
    /// What is wrong, with the rule's index when it concerns one rule.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
}

impl CorsError {
    fn new(message: String, help: Option<String>) -> Self {
        Self { message, help }
    }

    /// How to fix it, if there is more to say than the message.
    pub fn help(&self) -> Option<&str> {
        self.help.as_deref()
    }
}

impl fmt::Display for CorsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CorsError {}

impl CorsConfiguration {
    /// Reads a configuration from its JSON form and checks it.
    ///
    /// # Errors
    /// [`CorsError`] for text that is not JSON, a wrong shape or type, an unknown key, a method
    /// S3 does not know, or a rule S3 would reject (see the module's documentation).
    pub fn from_json(text: &str) -> Result<Self, CorsError> {
        let configuration: CorsConfiguration = serde_json::from_str(text).map_err(|error| {
            let help = if error.to_string().contains("unknown variant") {
                Some("the methods are `GET`, `PUT`, `POST`, `DELETE` and `HEAD`".to_owned())
            } else if error.to_string().contains("unknown field") {
                Some("the keys of a rule are `AllowedHeaders`, `AllowedMethods`, `AllowedOrigins`, `ExposeHeaders`, `MaxAgeSeconds` and `ID`".to_owned())
            } else {
                None
            };
            CorsError::new(format!("invalid CORS configuration: {error}"), help)
        })?;
        configuration.check()?;
        Ok(configuration)
    }

    /// Checks the rules S3 enforces that the types do not (see the module's documentation).
    ///
    /// # Errors
    /// The first problem found, as a [`CorsError`].
    pub fn check(&self) -> Result<(), CorsError> {
        if self.rules.len() > MAX_RULES {
            return Err(CorsError::new(
                format!(
                    "a CORS configuration has at most {MAX_RULES} rules, this one has {}",
                    self.rules.len()
                ),
                Some("merge rules that share their methods and headers".to_owned()),
            ));
        }
        for (index, rule) in self.rules.iter().enumerate() {
            rule.check().map_err(|error| {
                CorsError::new(format!("rule {index}: {}", error.message), error.help)
            })?;
        }
        Ok(())
    }

    /// The configuration as compact JSON.
    #[must_use]
    pub fn to_json(&self) -> String {
        // Serializing plain strings, numbers and enums into a string cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The configuration as pretty JSON (two-space indent).
    #[must_use]
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

impl CorsRule {
    fn check(&self) -> Result<(), CorsError> {
        if self.allowed_methods.is_empty() {
            return Err(CorsError::new(
                "`AllowedMethods` is empty".to_owned(),
                Some("name at least one of `GET`, `PUT`, `POST`, `DELETE` and `HEAD`".to_owned()),
            ));
        }
        if self.allowed_origins.is_empty() {
            return Err(CorsError::new(
                "`AllowedOrigins` is empty".to_owned(),
                Some("name an origin such as `https://console.aws.amazon.com`, or `*`".to_owned()),
            ));
        }
        let headers = self.allowed_headers.iter().flatten();
        for (element, value) in self
            .allowed_origins
            .iter()
            .map(|origin| ("AllowedOrigins", origin))
            .chain(headers.map(|header| ("AllowedHeaders", header)))
        {
            if value.matches('*').count() > 1 {
                return Err(CorsError::new(
                    format!("`{value}` in `{element}` has more than one `*`"),
                    Some("S3 allows one `*` per value, such as `https://*.example.com`".to_owned()),
                ));
            }
            if value.is_empty() {
                return Err(CorsError::new(
                    format!("an empty value in `{element}`"),
                    None,
                ));
            }
        }
        if let Some(id) = &self.id {
            if id.chars().count() > MAX_ID_CHARS {
                return Err(CorsError::new(
                    format!("the `ID` is longer than {MAX_ID_CHARS} characters"),
                    None,
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_messages_name_the_problem() {
        let cases = [
            (
                r#"[{"AllowedMethods": ["GET"]}]"#,
                "missing field `AllowedOrigins`",
            ),
            (
                r#"[{"AllowedOrigins": ["*"]}]"#,
                "missing field `AllowedMethods`",
            ),
            (
                r#"[{"AllowedMethods": ["GET"], "AllowedOrigins": ["*"], "ID": "a", "ID": "b"}]"#,
                "duplicate field `ID`",
            ),
            (
                r#"[{"AllowedMethods": ["get"], "AllowedOrigins": ["*"]}]"#,
                "unknown variant `get`, expected one of `GET`",
            ),
            (
                r#"[{"AllowedMethods": ["GET"], "AllowedOrigin": ["*"]}]"#,
                "unknown field `AllowedOrigin`, expected one of `AllowedHeaders`",
            ),
            (r#"{}"#, "invalid type: map, expected a sequence"),
        ];
        for (text, expected) in cases {
            let error = CorsConfiguration::from_json(text).unwrap_err().to_string();
            assert!(error.contains(expected), "{text}: {error}");
        }
        let all = r#"[{"AllowedHeaders":["*"],"AllowedMethods":["HEAD"],"AllowedOrigins":["*"],"ExposeHeaders":["x"],"MaxAgeSeconds":30,"ID":"r"}]"#;
        assert_eq!(CorsConfiguration::from_json(all).unwrap().to_json(), all);
    }

    #[test]
    fn the_bedrock_seed_configuration_reads_and_writes_back_json_equal() {
        let text = r#"[ { "AllowedHeaders": [ "*" ], "AllowedMethods": [ "GET", "PUT", "POST", "DELETE" ], "AllowedOrigins": [ "*" ], "ExposeHeaders": ["Access-Control-Allow-Origin"] } ]"#;
        let cors = CorsConfiguration::from_json(text).unwrap();
        let again: serde_json::Value = serde_json::from_str(&cors.to_json()).unwrap();
        let original: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(again, original);
        assert_eq!(
            CorsConfiguration::from_json(&cors.to_json_pretty()).unwrap(),
            cors
        );
    }

    #[test]
    fn what_s3_rejects_is_rejected_with_a_reason() {
        let cases = [
            (
                r#"[{"AllowedMethods": ["get"], "AllowedOrigins": ["*"]}]"#,
                "get",
            ),
            (
                r#"[{"AllowedMethods": [], "AllowedOrigins": ["*"]}]"#,
                "`AllowedMethods` is empty",
            ),
            (
                r#"[{"AllowedMethods": ["GET"], "AllowedOrigins": []}]"#,
                "`AllowedOrigins` is empty",
            ),
            (r#"[{"AllowedMethods": ["GET"]}]"#, "AllowedOrigins"),
            (
                r#"[{"AllowedMethods": ["GET"], "AllowedOrigins": ["https://*.*.example.com"]}]"#,
                "more than one `*`",
            ),
            (
                r#"[{"AllowedMethods": ["GET"], "AllowedOrigins": ["*"], "AllowedHeader": ["*"]}]"#,
                "AllowedHeader",
            ),
            (
                r#"[{"AllowedMethods": ["GET"], "AllowedOrigins": ["*"], "MaxAgeSeconds": -1}]"#,
                "invalid",
            ),
            ("{", "invalid CORS configuration"),
        ];
        for (text, expected) in cases {
            let error = CorsConfiguration::from_json(text).unwrap_err();
            assert!(error.to_string().contains(expected), "{text}: {error}");
            assert!(!error.to_string().contains('\n'), "{error}");
        }
        let long_id = format!(
            r#"[{{"AllowedMethods": ["GET"], "AllowedOrigins": ["*"], "ID": "{}"}}]"#,
            "x".repeat(256)
        );
        assert!(CorsConfiguration::from_json(&long_id).is_err());
        let many = format!(
            "[{}]",
            vec![r#"{"AllowedMethods": ["GET"], "AllowedOrigins": ["*"]}"#; 101].join(",")
        );
        assert!(CorsConfiguration::from_json(&many)
            .unwrap_err()
            .to_string()
            .contains("100"));
    }

    #[test]
    fn methods_have_one_spelling() {
        for method in Method::ALL {
            assert_eq!(method.as_str().parse::<Method>().unwrap(), method);
            assert_eq!(method.to_string(), method.as_str());
        }
    }
}

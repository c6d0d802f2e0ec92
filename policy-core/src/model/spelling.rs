//! The text forms of `Effect` and `Version`: `Display` and `FromStr` agree, and serde uses the
//! same spelling.

use super::*;
use crate::names::ParseValueError;

// ---------------------------------------------------------------------------------------------
// Text forms: `Display` and `FromStr` agree, and serde uses the same spelling.
// ---------------------------------------------------------------------------------------------

impl Effect {
    /// The JSON spelling: `Allow` or `Deny`.
    ///
    /// ```
    /// use typed_iam_core::Effect;
    /// assert_eq!(Effect::Deny.as_str(), "Deny");
    /// assert_eq!("Allow".parse::<Effect>()?, Effect::Allow);
    /// # Ok::<(), typed_iam_core::ParseValueError>(())
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Effect::Allow => "Allow",
            Effect::Deny => "Deny",
        }
    }
}

impl std::str::FromStr for Effect {
    type Err = ParseValueError;

    /// Parses `Allow` or `Deny`, exactly as IAM spells them (IAM rejects `allow`).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "Allow" => Ok(Effect::Allow),
            "Deny" => Ok(Effect::Deny),
            _ => Err(ParseValueError::new("effect", text, &["Allow", "Deny"])),
        }
    }
}

impl Version {
    /// The JSON spelling: `2012-10-17` or `2008-10-17`.
    pub fn as_str(self) -> &'static str {
        match self {
            Version::V2012_10_17 => "2012-10-17",
            Version::V2008_10_17 => "2008-10-17",
        }
    }
}

impl std::str::FromStr for Version {
    type Err = ParseValueError;

    /// Parses `2012-10-17` or `2008-10-17`.
    ///
    /// ```
    /// use typed_iam_core::Version;
    /// assert_eq!("2012-10-17".parse::<Version>()?, Version::V2012_10_17);
    /// assert!("2012-10-18".parse::<Version>().is_err());
    /// # Ok::<(), typed_iam_core::ParseValueError>(())
    /// ```
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "2012-10-17" => Ok(Version::V2012_10_17),
            "2008-10-17" => Ok(Version::V2008_10_17),
            _ => Err(ParseValueError::new(
                "policy version",
                text,
                &["2012-10-17", "2008-10-17"],
            )),
        }
    }
}

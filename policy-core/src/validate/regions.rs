//! The vendored tables of AWS partitions and regions, for the ARN checks (`arns.rs`).
//!
//! Source: AWS's list of partitions and Regions in the AWS General Reference and the Regions
//! pages (<https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html>,
//! <https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/partitions.html>),
//! as of 2025-11. A region AWS opens later is region-shaped (`xx-name-N`) and gets a warning,
//! not an error, until this table is updated.

/// Every AWS partition.
pub(crate) const PARTITIONS: &[&str] = &[
    "aws",
    "aws-cn",
    "aws-us-gov",
    "aws-iso",
    "aws-iso-b",
    "aws-iso-e",
    "aws-iso-f",
    "aws-eusc",
];

/// Every AWS region, in every partition.
pub(crate) const REGIONS: &[&str] = &[
    // aws
    "af-south-1",
    "ap-east-1",
    "ap-east-2",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ap-south-1",
    "ap-south-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ap-southeast-5",
    "ap-southeast-6",
    "ap-southeast-7",
    "ca-central-1",
    "ca-west-1",
    "eu-central-1",
    "eu-central-2",
    "eu-north-1",
    "eu-south-1",
    "eu-south-2",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "il-central-1",
    "me-central-1",
    "me-south-1",
    "mx-central-1",
    "sa-east-1",
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
    // aws-cn
    "cn-north-1",
    "cn-northwest-1",
    // aws-us-gov
    "us-gov-east-1",
    "us-gov-west-1",
    // aws-iso, aws-iso-b, aws-iso-e, aws-iso-f
    "us-iso-east-1",
    "us-iso-west-1",
    "us-isob-east-1",
    "us-isob-west-1",
    "eu-isoe-west-1",
    "us-isof-east-1",
    "us-isof-south-1",
    // aws-eusc
    "eusc-de-east-1",
];

/// Whether a text has the shape of a region name: lowercase words joined by `-`, ending with a
/// number (`us-east-1`, `us-gov-west-1`).
pub(crate) fn is_region_shaped(text: &str) -> bool {
    let mut parts = text.split('-');
    let Some(first) = parts.next() else {
        return false;
    };
    let rest: Vec<&str> = parts.collect();
    let Some((number, words)) = rest.split_last() else {
        return false;
    };
    first.len() >= 2
        && first.bytes().all(|b| b.is_ascii_lowercase())
        && !words.is_empty()
        && words
            .iter()
            .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()))
        && !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_region_shaped_and_sorted_within_groups() {
        for region in REGIONS {
            assert!(is_region_shaped(region), "{region}");
        }
        assert!(!is_region_shaped("us-east"));
        assert!(!is_region_shaped("US-EAST-1"));
        assert!(!is_region_shaped("useast1"));
        assert!(PARTITIONS.contains(&"aws"));
    }
}

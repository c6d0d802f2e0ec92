//! Two revisions of a `policy!` value compared through the library (issue 15): what does the
//! new revision grant that the old did not? And the canonical form of a `policy!` value.
#![allow(clippy::unwrap_used, reason = "tests fail loudly")]

use typed_iam::model::compare::{canonical, compare, semantically_equal, Relation};
use typed_iam::policy;

#[test]
fn two_revisions_of_a_policy_value() {
    let bucket = "training-bucket";
    let v1 = policy! {
        "Read": allow [s3:GetObject, s3:ListBucket] on [
            "arn:aws:s3:::{bucket}", "arn:aws:s3:::{bucket}/*",
        ];
    };
    // v2 adds DeleteObject, and a Deny of everything outside TLS.
    let v2 = policy! {
        "Read": allow [s3:ListBucket, s3:GetObject, s3:DeleteObject] on [
            "arn:aws:s3:::{bucket}/*", "arn:aws:s3:::{bucket}",
        ];
        "TlsOnly": deny [s3:*] on "*" when { Bool aws:SecureTransport: false };
    };
    let comparison = compare(&v1, &v2);
    assert_eq!(comparison.dropped_witnesses, 0);
    assert_eq!(
        comparison.relation,
        Relation::Incomparable,
        "{comparison:#?}"
    );
    let added: Vec<&str> = comparison
        .new_access
        .iter()
        .map(|d| d.witness.action.as_str())
        .collect();
    assert_eq!(added, ["s3:DeleteObject"]);
    // What v2 removes: the same reads, without TLS.
    let removed = &comparison.removed_access[0];
    assert!(removed
        .witness
        .context
        .iter()
        .any(|(key, _)| key == "aws:SecureTransport"));
    assert!(removed
        .witness
        .replays(std::slice::from_ref(&v1), std::slice::from_ref(&v2)));

    // A reordering of v1 is the same policy, and has the same canonical form.
    let v1_reordered = policy! {
        "Read": allow [s3:ListBucket, s3:GetObject] on [
            "arn:aws:s3:::{bucket}/*", "arn:aws:s3:::{bucket}",
        ];
    };
    assert_eq!(compare(&v1, &v1_reordered).relation, Relation::Equivalent);
    assert_eq!(semantically_equal(&v1, &v1_reordered), Some(true));
    assert_eq!(canonical(&v1), canonical(&v1_reordered));
    assert_eq!(semantically_equal(&v1, &v2), Some(false));
}

//! The reader's diagnostics (one test per code at least), positions and the source map.

use super::{parse_policy, parse_statement, ParseError, Parsed, Position};
use crate::{
    Action, Code, ConditionValue, Effect, Location, OneOrMany, Policy, Principal, PrincipalKind,
    Statement,
};

fn read_error(text: &str) -> ParseError {
    match Policy::from_json(text) {
        Ok(policy) => panic!("expected an error, read {policy:?}"),
        Err(error) => error,
    }
}

/// The only diagnostic of a text: code, path, message, (line, column).
fn only(text: &str) -> (Code, String, String, (usize, usize)) {
    let error = read_error(text);
    let entries: Vec<_> = error.positioned().collect();
    assert_eq!(entries.len(), 1, "{error}");
    let (diagnostic, position) = entries[0];
    let position = position.unwrap();
    (
        diagnostic.code,
        diagnostic.location.to_string(),
        diagnostic.message.clone(),
        (position.line, position.column),
    )
}

#[test]
fn invalid_json_syntax_names_path_line_and_column() {
    let text = "{\n  \"Statement\": [\n    {\"Effect\": \"Allow\" \"Action\": \"*\"}\n  ]\n}";
    let (code, path, message, position) = only(text);
    assert_eq!(code, Code::InvalidJson);
    assert_eq!(path, "Statement[0]");
    assert_eq!(
        message,
        "expected `,` or `}` after an object member, found `\"`"
    );
    assert_eq!(position, (3, 24));
}

#[test]
fn invalid_json_cases() {
    let cases: &[(&str, &str, &str)] = &[
        ("", "", "expected a JSON value, found end of input"),
        ("   \n ", "", "expected a JSON value, found end of input"),
        (
            "{} {}",
            "",
            "expected end of input after the JSON value, found `{`",
        ),
        ("{\"Id\": tru}", "Id", "expected a JSON value, found `t`"),
        (
            "{\"Id\": 01}",
            "",
            "expected `,` or `}` after an object member, found `1`",
        ),
        (
            "{\"Id\": 1.}",
            "Id",
            "expected a digit after the decimal point, found `}`",
        ),
        (
            "{\"Id\": -}",
            "Id",
            "expected a digit in a number, found `}`",
        ),
        (
            "{\"Id\": 1e+}",
            "Id",
            "expected a digit in the exponent, found `}`",
        ),
        ("{\"Id\": \"a", "Id", "unterminated string"),
        ("{\"Id\": \"\\x\"}", "Id", "invalid escape `x` in a string"),
        (
            "{\"Id\": \"\\ud800\"}",
            "Id",
            "unpaired surrogate `\\uD800` in a string",
        ),
        (
            "{\"Id\": \"\\udc00\"}",
            "Id",
            "unpaired surrogate `\\uDC00` in a string",
        ),
        (
            "{\"Id\": \"\\u12g4\"}",
            "Id",
            "expected a hexadecimal digit in a `\\u` escape, found `g`",
        ),
        (
            "{\"Id\": \"a\tb\"}",
            "Id",
            "control character `\\t` in a string; write it as an escape such as `\\n`",
        ),
        (
            "{Id: 1}",
            "",
            "expected a member name in double quotes, found `I`",
        ),
        (
            "{\"Id\" 1}",
            "Id",
            "expected `:` after a member name, found `1`",
        ),
        (
            "{\"Statement\": [1 2]}",
            "Statement",
            "expected `,` or `]` after an array element, found `2`",
        ),
        (
            "{\"Statement\": [1,]}",
            "Statement[1]",
            "expected a JSON value, found `]`",
        ),
        (
            "{\"Id\": \"x\",}",
            "",
            "expected a member name in double quotes, found `}`",
        ),
    ];
    for (text, path, message) in cases {
        let error = read_error(text);
        let diagnostic = &error.diagnostics()[0];
        assert_eq!(error.diagnostics().len(), 1, "{text}");
        assert_eq!(diagnostic.code, Code::InvalidJson, "{text}");
        assert_eq!(diagnostic.location.to_string(), *path, "{text}");
        assert_eq!(diagnostic.message, *message, "{text}");
    }
}

#[test]
fn invalid_utf8_is_invalid_json_with_its_position() {
    let error = Policy::from_slice(b"{\n  \"Id\": \"caf\xc3\xa9 \xff\"}").unwrap_err();
    let (diagnostic, position) = error.positioned().next().unwrap();
    assert_eq!(diagnostic.code, Code::InvalidJson);
    assert_eq!(diagnostic.message, "invalid UTF-8 at byte 17");
    assert_eq!(
        position,
        Some(Position {
            line: 2,
            column: 15,
            offset: 17
        })
    );
}

#[test]
fn nesting_deeper_than_the_limit_is_an_error() {
    let text = format!("{{\"Id\": {}{}}}", "[".repeat(200), "]".repeat(200));
    let error = read_error(&text);
    let diagnostic = &error.diagnostics()[0];
    assert_eq!(diagnostic.code, Code::InvalidJson);
    assert_eq!(diagnostic.message, "JSON nesting is deeper than 128 levels");
    // The path leads to the array that is one level too deep.
    assert_eq!(diagnostic.location.segments().len(), 1 + 127);
    // 127 levels inside the policy object are fine (and then a wrong type).
    let text = format!(
        "{{\"Statement\": [], \"Id\": {}{}}}",
        "[".repeat(127),
        "]".repeat(127)
    );
    assert_eq!(error_codes(&text), [Code::InvalidType]);
}

fn error_codes(text: &str) -> Vec<Code> {
    read_error(text)
        .diagnostics()
        .iter()
        .map(|d| d.code)
        .collect()
}

#[test]
fn duplicate_json_key() {
    let text =
        r#"{"Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Action": "s3:PutObject"}}"#;
    let (code, path, message, position) = only(text);
    assert_eq!(code, Code::DuplicateJsonKey);
    assert_eq!(path, "Statement[0].Action");
    assert_eq!(message, "duplicate key `Action`");
    assert_eq!(position, (1, 61), "the second key");
    // In condition blocks too, where the last one would silently win elsewhere.
    let text = r#"{"Statement": [{"Effect": "Allow", "Condition": {"StringEquals": {"aws:SourceAccount": "1", "aws:SourceAccount": "2"}}}]}"#;
    let (code, path, _, _) = only(text);
    assert_eq!(code, Code::DuplicateJsonKey);
    assert_eq!(
        path,
        "Statement[0].Condition.StringEquals.\"aws:SourceAccount\""
    );
}

#[test]
fn invalid_type() {
    let cases: &[(&str, &str, &str)] = &[
        ("[]", "", "expected a policy object, found an array"),
        (r#"{"Id": 1, "Statement": []}"#, "Id", "expected a string for `Id`, found a number"),
        (r#"{"Statement": "x"}"#, "Statement", "expected a statement object or an array of statements for `Statement`, found a string"),
        (r#"{"Statement": [1]}"#, "Statement[0]", "expected a statement object, found a number"),
        (r#"{"Statement": [{"Effect": "Allow", "Sid": true}]}"#, "Statement[0].Sid", "expected a string for `Sid`, found a boolean"),
        (r#"{"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", 3]}]}"#, "Statement[0].Action[1]", "expected a string in `Action`, found a number"),
        (r#"{"Statement": [{"Effect": "Allow", "Action": {"s3": "x"}}]}"#, "Statement[0].Action", "expected an action or an array of them in `Action`, found an object"),
        (r#"{"Statement": [{"Effect": "Allow", "NotResource": null}]}"#, "Statement[0].NotResource", "expected a resource or an array of them in `NotResource`, found `null`"),
        (r#"{"Statement": [{"Effect": "Allow", "Principal": ["*"]}]}"#, "Statement[0].Principal", "expected `\"*\"` or a principal map for a principal, found an array"),
        (r#"{"Statement": [{"Effect": "Allow", "Principal": {"AWS": [1]}}]}"#, "Statement[0].Principal.AWS[0]", "expected a string in `AWS`, found a number"),
        (r#"{"Statement": [{"Effect": "Allow", "Condition": []}]}"#, "Statement[0].Condition", "expected an object for `Condition`, found an array"),
        (r#"{"Statement": [{"Effect": "Allow", "Condition": {"Bool": true}}]}"#, "Statement[0].Condition.Bool", "expected an object for condition operator `Bool`, found a boolean"),
        (r#"{"Statement": [{"Effect": "Allow", "Condition": {"Null": {"k": null}}}]}"#, "Statement[0].Condition.Null.k", "expected a string, number or boolean or an array of them for condition key `k`, found `null`"),
        (r#"{"Statement": [{"Effect": "Allow", "Condition": {"Null": {"k": [[]]}}}]}"#, "Statement[0].Condition.Null.k[0]", "expected a string, number or boolean for condition key `k`, found an array"),
        (r#"{"Statement": [{"Effect": 1}]}"#, "Statement[0].Effect", "expected a string for `Effect`, found a number"),
        (r#"{"Version": 2012, "Statement": []}"#, "Version", "expected a string for `Version`, found a number"),
    ];
    for (text, path, message) in cases {
        let (code, found_path, found_message, _) = only(text);
        assert_eq!(code, Code::InvalidType, "{text}");
        assert_eq!(found_path, *path, "{text}");
        assert_eq!(found_message, *message, "{text}");
    }
}

#[test]
fn unknown_element_with_did_you_mean() {
    let error = read_error(r#"{"Version": "2012-10-17", "Statment": []}"#);
    let codes: Vec<Code> = error.diagnostics().iter().map(|d| d.code).collect();
    assert_eq!(codes, [Code::MissingStatement, Code::UnknownElement]);
    let diagnostic = &error.diagnostics()[1];
    assert_eq!(diagnostic.message, "unknown element `Statment` in policy");
    assert_eq!(diagnostic.location.to_string(), "Statment");
    assert_eq!(
        diagnostic.help.as_deref(),
        Some("did you mean `Statement`?")
    );
    assert_eq!(diagnostic.suggestion.as_deref(), Some("Statement"));

    let text = "{\"Statement\": [{\"Effect\": \"Allow\",\n  \"Resources\": \"*\"}]}";
    let (code, path, message, position) = only(text);
    assert_eq!(
        (code, path.as_str(), message.as_str(), position),
        (
            Code::UnknownElement,
            "Statement[0].Resources",
            "unknown element `Resources` in statement",
            (2, 3)
        )
    );
    let error = read_error(text);
    assert_eq!(
        error.diagnostics()[0].help.as_deref(),
        Some("did you mean `Resource`?")
    );

    let error =
        read_error(r#"{"Statement": [{"Effect": "Allow", "Principal": {"Services": "x"}}]}"#);
    let diagnostic = &error.diagnostics()[0];
    assert_eq!(diagnostic.code, Code::UnknownElement);
    assert_eq!(diagnostic.message, "unknown principal kind `Services`");
    assert_eq!(
        diagnostic.location.to_string(),
        "Statement[0].Principal.Services"
    );
    assert_eq!(diagnostic.help.as_deref(), Some("did you mean `Service`?"));

    // Nothing close: the help lists what is allowed.
    let error = read_error(r#"{"Statement": [], "Frobnicate": 1}"#);
    assert_eq!(
        error.diagnostics()[0].help.as_deref(),
        Some("expected one of `Version`, `Id`, `Statement`")
    );
}

#[test]
fn missing_statement() {
    let (code, path, message, position) = only("\n  {\"Version\": \"2012-10-17\"}");
    assert_eq!(
        (code, path.as_str(), message.as_str(), position),
        (
            Code::MissingStatement,
            "",
            "policy has no `Statement`",
            (2, 3)
        )
    );
}

#[test]
fn invalid_version() {
    let (code, path, message, _) = only(r#"{"Version": "2012-10-18", "Statement": []}"#);
    assert_eq!(
        (code, path.as_str(), message.as_str()),
        (
            Code::InvalidVersion,
            "Version",
            "invalid policy version `2012-10-18`"
        )
    );
    assert_eq!(
        read_error(r#"{"Version": "2012-10-18", "Statement": []}"#).diagnostics()[0]
            .suggestion
            .as_deref(),
        Some("2012-10-17")
    );
}

#[test]
fn invalid_effect() {
    let text = r#"{"Statement": [{"Effect": "allow"}]}"#;
    let (code, path, message, position) = only(text);
    assert_eq!(
        (code, path.as_str(), message.as_str(), position),
        (
            Code::InvalidEffect,
            "Statement[0].Effect",
            "invalid effect `allow`",
            (1, 27)
        )
    );
    assert_eq!(
        read_error(text).diagnostics()[0].help.as_deref(),
        Some("did you mean `Allow`?")
    );
    let error = read_error(r#"{"Statement": [{"Effect": "Permit"}]}"#);
    assert_eq!(
        error.diagnostics()[0].help.as_deref(),
        Some("use `Allow` or `Deny`")
    );
}

#[test]
fn missing_effect() {
    let (code, path, message, position) =
        only(r#"{"Statement": [{"Effect": "Allow"}, {"Action": "*", "Resource": "*"}]}"#);
    assert_eq!(
        (code, path.as_str(), message.as_str(), position),
        (
            Code::MissingEffect,
            "Statement[1]",
            "statement has no `Effect`",
            (1, 37)
        )
    );
}

#[test]
fn action_and_not_action() {
    let (code, path, message, _) =
        only(r#"{"Statement": [{"Effect": "Allow", "NotAction": "iam:*", "Action": "s3:*"}]}"#);
    assert_eq!(
        (code, path.as_str(), message.as_str()),
        (
            Code::ActionAndNotAction,
            "Statement[0].Action",
            "a statement cannot have both `NotAction` and `Action`"
        )
    );
}

#[test]
fn resource_and_not_resource() {
    let (code, path, message, _) =
        only(r#"{"Statement": [{"Effect": "Allow", "Resource": "*", "NotResource": "*"}]}"#);
    assert_eq!(
        (code, path.as_str(), message.as_str()),
        (
            Code::ResourceAndNotResource,
            "Statement[0].NotResource",
            "a statement cannot have both `Resource` and `NotResource`"
        )
    );
}

#[test]
fn invalid_principal() {
    let (code, path, message, _) = only(
        r#"{"Statement": [{"Effect": "Deny", "Principal": "*", "NotPrincipal": {"AWS": "x"}}]}"#,
    );
    assert_eq!(
        (code, path.as_str(), message.as_str()),
        (
            Code::InvalidPrincipal,
            "Statement[0].NotPrincipal",
            "a statement cannot have both `Principal` and `NotPrincipal`"
        )
    );
    let (code, path, message, _) = only(
        r#"{"Statement": [{"Effect": "Allow", "Principal": "arn:aws:iam::123456789012:root"}]}"#,
    );
    assert_eq!(
        (code, path.as_str(), message.as_str()),
        (
            Code::InvalidPrincipal,
            "Statement[0].Principal",
            "invalid principal `arn:aws:iam::123456789012:root`: only `*` may be written without a principal kind"
        )
    );
}

#[test]
fn every_problem_is_reported_in_one_pass_in_document_order() {
    let text = r#"{
  "Version": "2012-10-18",
  "Statement": [
    {"Effect": "Alow", "Action": "s3:GetObject", "Resources": "*"},
    {"Action": 3, "Action": "x"}
  ],
  "Extra": 1
}"#;
    let error = read_error(text);
    let found: Vec<(Code, String, usize)> = error
        .positioned()
        .map(|(d, p)| (d.code, d.location.to_string(), p.unwrap().line))
        .collect();
    assert_eq!(
        found,
        [
            (Code::InvalidVersion, "Version".to_owned(), 2),
            (Code::InvalidEffect, "Statement[0].Effect".to_owned(), 4),
            (Code::UnknownElement, "Statement[0].Resources".to_owned(), 4),
            (Code::MissingEffect, "Statement[1]".to_owned(), 5),
            // Without an effect the statement is not validated: what else it lacks is said here.
            (Code::MissingResource, "Statement[1]".to_owned(), 5),
            (Code::InvalidType, "Statement[1].Action[0]".to_owned(), 5),
            (Code::DuplicateJsonKey, "Statement[1].Action".to_owned(), 5),
            (Code::UnknownElement, "Extra".to_owned(), 7),
        ]
    );
    assert!(error.diagnostics().iter().all(|d| d.is_error()));
}

#[test]
fn display_is_one_line_with_message_position_path_and_code() {
    let error = read_error("{\"Statement\": [{\"Effect\": \"Allow\",\n \"Sid\": 1}]}");
    assert_eq!(
        error.to_string(),
        "expected a string for `Sid`, found a number at line 2, column 9 (Statement[0].Sid) [invalid-type]"
    );
    let error = read_error("");
    assert_eq!(
        error.to_string(),
        "expected a JSON value, found end of input at line 1, column 1 [invalid-json]"
    );
}

#[test]
fn empty_lists_are_left_to_the_validator() {
    let policy = Policy::from_json(
        r#"{"Statement": [{"Effect": "Allow", "Action": [], "Resource": [], "Principal": {}, "Condition": {}}]}"#,
    )
    .unwrap();
    let statement = &policy.statements()[0];
    assert!(statement.action().unwrap().items().items().is_empty());
    assert_eq!(
        policy.to_json(),
        r#"{"Statement":[{"Effect":"Allow","Principal":{},"Action":[],"Resource":[],"Condition":{}}]}"#
    );
    assert!(Policy::from_json(r#"{"Statement": []}"#)
        .unwrap()
        .statements()
        .is_empty());
}

#[test]
fn shapes_numbers_and_strings_are_kept() {
    let text = r#"{"Statement":{"Effect":"Deny","NotPrincipal":{"Service":["a.amazonaws.com"],"AWS":"*"},"NotAction":"S3:getobject","Resource":["*"],"Condition":{"NumericLessThan":{"k":[1.50,-0,1E+3]},"Bool":{"b":false},"StringLike":{"s":"\u00e9\n\"\\\/ \ud83d\ude00"}}}}"#;
    let policy = Policy::from_json(text).unwrap();
    let statement = &policy.statements()[0];
    assert!(policy.statement_list().is_single());
    let values = statement.condition().unwrap().blocks()[0].entries()[0].values();
    assert_eq!(
        values.items(),
        [
            ConditionValue::Number("1.50".into()),
            ConditionValue::Number("-0".into()),
            ConditionValue::Number("1E+3".into())
        ]
    );
    let Principal::Map(kinds) = statement.principal().unwrap().principal() else {
        panic!("a map")
    };
    assert_eq!(kinds[0].0, PrincipalKind::Service);
    assert!(!kinds[0].1.is_single() && kinds[1].1.is_single());
    assert_eq!(
        statement.action().unwrap().items().items()[0].as_str(),
        "S3:getobject"
    );
    assert_eq!(
        policy.to_json(),
        r#"{"Statement":{"Effect":"Deny","NotPrincipal":{"Service":["a.amazonaws.com"],"AWS":"*"},"NotAction":"S3:getobject","Resource":["*"],"Condition":{"NumericLessThan":{"k":[1.50,-0,1E+3]},"Bool":{"b":false},"StringLike":{"s":"é\n\"\\/ 😀"}}}}"#
    );
    assert_eq!(serde_json::to_string(&policy).unwrap(), policy.to_json());
}

#[test]
fn control_characters_are_escaped_as_serde_json_does() {
    let statement = crate::Statement::allow()
        .sid("a\u{1}\u{8}\u{c}\t\r\u{7f}b")
        .build();
    assert_eq!(
        statement.to_json(),
        serde_json::to_string(&statement).unwrap()
    );
    assert_eq!(
        statement.to_json(),
        "{\"Sid\":\"a\\u0001\\b\\f\\t\\r\u{7f}b\",\"Effect\":\"Allow\"}"
    );
}

#[test]
fn a_number_that_is_not_json_is_written_as_a_string() {
    let statement = crate::Statement::allow()
        .condition("NumericEquals", "k", ConditionValue::Number("12abc".into()))
        .build();
    assert_eq!(
        statement.to_json(),
        r#"{"Effect":"Allow","Condition":{"NumericEquals":{"k":"12abc"}}}"#
    );
    assert_eq!(
        statement.to_json(),
        serde_json::to_string(&statement).unwrap()
    );
}

#[test]
fn byte_order_mark_is_skipped() {
    let Parsed {
        value: policy,
        source_map: map,
    } = parse_policy("\u{feff}{\"Statement\": []}");
    assert!(policy.is_ok());
    let position = map.position(&Location::root().key("Statement")).unwrap();
    assert_eq!((position.line, position.column, position.offset), (1, 2, 4));
}

#[test]
fn source_map_follows_the_location_rules() {
    let text = "{\n  \"Statement\": {\n    \"Effect\": \"Allow\",\n    \"Action\": \"s3:GetObject\",\n    \"Resource\": [\"a\", \"é\", \"b\"]\n  }\n}";
    let Parsed {
        value: policy,
        source_map: map,
    } = parse_policy(text);
    policy.unwrap();
    let at = |location: Location| map.position(&location).map(|p| (p.line, p.column));
    let statement = || Location::root().key("Statement");
    assert_eq!(at(Location::root()), Some((1, 1)));
    assert_eq!(at(statement()), Some((2, 3)), "a member: its key");
    assert_eq!(
        at(statement().index(0)),
        Some((2, 16)),
        "single statement = item 0"
    );
    assert_eq!(at(statement().index(1)), None);
    assert_eq!(at(statement().index(0).key("Action")), Some((4, 5)));
    assert_eq!(
        at(statement().index(0).key("Action").index(0)),
        Some((4, 15))
    );
    assert_eq!(
        at(statement().index(0).key("Resource").index(2)),
        Some((5, 28)),
        "columns in chars"
    );
    assert_eq!(at(statement().index(0).key("Condition")), None);
    assert_eq!(
        map.position(&statement().index(0).key("Resource").index(2))
            .unwrap()
            .offset,
        text.find("\"b\"").unwrap()
    );
}

#[test]
fn statement_fragments_map_with_or_without_the_statement_prefix() {
    let Parsed {
        value: statement,
        source_map: map,
    } = parse_statement("{\"Effect\": \"Allow\",\n \"Action\": [\"kms:Decrypt\"]}");
    let statement: Statement = statement.unwrap();
    assert_eq!(statement.effect(), Effect::Allow);
    assert!(matches!(
        statement.action().unwrap().items().items()[0],
        Action::Unchecked(_) | Action::Known { .. }
    ));
    let direct = Location::root().key("Action").index(0);
    let prefixed = Location::root()
        .key("Statement")
        .index(0)
        .key("Action")
        .index(0);
    assert_eq!(
        map.position(&direct).map(|p| (p.line, p.column)),
        Some((2, 13))
    );
    assert_eq!(map.position(&prefixed), map.position(&direct));

    let error = Statement::from_json(r#"{"Effect": "Allow", "Actions": "*"}"#).unwrap_err();
    assert_eq!(error.diagnostics()[0].location.to_string(), "Actions");
    assert_eq!(
        error.diagnostics()[0].help.as_deref(),
        Some("did you mean `Action`?")
    );
}

#[test]
fn source_map_of_invalid_json_knows_nothing_but_the_reader_error_has_a_position() {
    let Parsed {
        value: policy,
        source_map: map,
    } = parse_policy("{\"Statement\": [");
    let error = policy.unwrap_err();
    assert_eq!(
        error.positioned().next().unwrap().1.map(|p| p.offset),
        Some(15)
    );
    assert_eq!(map.position(&Location::root().key("Statement")), None);
}

#[test]
fn text_forms_agree_between_display_from_str_and_serde() {
    use crate::{BaseOperator, OperatorKind, Version};
    for effect in [Effect::Allow, Effect::Deny] {
        assert_eq!(effect.to_string().parse::<Effect>().unwrap(), effect);
        assert_eq!(
            serde_json::to_string(&effect).unwrap(),
            format!("\"{effect}\"")
        );
        assert_eq!(
            serde_json::from_str::<Effect>(&format!("\"{effect}\"")).unwrap(),
            effect
        );
    }
    for version in [Version::V2012_10_17, Version::V2008_10_17] {
        assert_eq!(version.to_string().parse::<Version>().unwrap(), version);
        assert_eq!(
            serde_json::to_string(&version).unwrap(),
            format!("\"{version}\"")
        );
    }
    for kind in PrincipalKind::ALL {
        assert_eq!(kind.to_string().parse::<PrincipalKind>().unwrap(), *kind);
    }
    for base in BaseOperator::ALL {
        assert_eq!(base.to_string().parse::<BaseOperator>().unwrap(), *base);
        for text in [
            format!("{base}"),
            format!("ForAllValues:{base}IfExists"),
            format!("ForAnyValue:{base}"),
        ] {
            if *base == BaseOperator::Null && text.ends_with("IfExists") {
                assert!(text.parse::<OperatorKind>().is_err());
                continue;
            }
            let kind: OperatorKind = text.parse().unwrap();
            assert_eq!(kind.to_string(), text);
            assert_eq!(crate::Operator::new(text.clone()).kind(), Some(kind));
        }
    }
    assert_eq!(BaseOperator::ALL.len(), 27);
    let error = "StringEqual".parse::<OperatorKind>().unwrap_err();
    assert_eq!(error.suggestion.as_deref(), Some("StringEquals"));
    let error = "ForAnyValue:StringLik".parse::<OperatorKind>().unwrap_err();
    assert_eq!(error.suggestion.as_deref(), Some("ForAnyValue:StringLike"));
    assert_eq!(
        "allow".parse::<Effect>().unwrap_err().to_string(),
        "invalid effect `allow`"
    );
    assert!(serde_json::from_str::<Effect>("\"allow\"").is_err());
}

#[test]
fn deserialize_rejects_what_from_json_rejects() {
    let text = r#"{"Statement": {"Effect": "Allow", "Action": "a", "Action": "b"}}"#;
    let error = serde_json::from_str::<Policy>(text).unwrap_err();
    assert!(error.to_string().contains("duplicate-json-key"), "{error}");
    assert!(serde_json::from_str::<Statement>(r#"{"Effect": "Allow", "Resources": "*"}"#).is_err());
    // Inside another document, with the exact number text.
    #[derive(serde::Deserialize)]
    struct Wrapper {
        policy: Policy,
    }
    let wrapper: Wrapper = serde_json::from_str(
        r#"{"policy": {"Statement": [{"Effect": "Allow", "Condition": {"NumericEquals": {"k": 1.0}}}]}}"#,
    )
    .unwrap();
    assert_eq!(
        wrapper.policy.to_json(),
        r#"{"Statement":[{"Effect":"Allow","Condition":{"NumericEquals":{"k":1.0}}}]}"#
    );
    let value: ConditionValue = serde_json::from_str("2.50").unwrap();
    assert_eq!(value, ConditionValue::Number("2.50".into()));
    assert!(serde_json::from_str::<ConditionValue>("null").is_err());
}

#[test]
fn single_and_many_are_written_as_read() {
    for text in [
        r#"{"Statement":[{"Effect":"Allow","Action":["a"],"Resource":"*"}]}"#,
        r#"{"Statement":{"Effect":"Allow","Action":"a","Resource":["*","b"]}}"#,
        r#"{"Version":"2008-10-17","Id":"x","Statement":[]}"#,
    ] {
        assert_eq!(Policy::from_json(text).unwrap().to_json(), text);
    }
    let many = OneOrMany::many(vec![1]);
    assert!(!many.is_single());
}

#[test]
fn deserialize_from_a_serde_json_value_works_but_sorts_keys() {
    // `serde_json::Value` without `preserve_order` sorts object keys: the policy reads, with
    // its conditions in key order. Reading from text keeps the written order.
    let value = serde_json::json!({
        "Statement": [{"Effect": "Allow", "Condition": {"StringLike": {"b": "1"}, "Bool": {"a": true}}}]
    });
    let policy: Policy = serde_json::from_value(value).unwrap();
    assert_eq!(
        policy.to_json(),
        r#"{"Statement":[{"Effect":"Allow","Condition":{"Bool":{"a":true},"StringLike":{"b":"1"}}}]}"#
    );
}

#[test]
fn escaped_keys_and_strings_are_read_and_located() {
    let text = "{\"Version\": \"2012-10-17\", \"Statement\": [{\n  \"Eff\\u0065ct\": \"Allow\",\n  \"Action\": [\"s3:Get\\u004fbject\", \"s3:PutObject\"],\n  \"Resource\": \"*\"}]}";
    let Parsed {
        value: policy,
        source_map: map,
    } = parse_policy(text);
    let policy = policy.unwrap();
    let statement = &policy.statements()[0];
    assert_eq!(statement.effect(), crate::model::Effect::Allow);
    let actions: Vec<&str> = statement
        .action()
        .unwrap()
        .items()
        .iter()
        .map(|action| action.as_str())
        .collect();
    assert_eq!(actions, ["s3:GetObject", "s3:PutObject"]);
    let at = |location: Location| map.position(&location).map(|p| (p.line, p.column));
    let statement = Location::root().key("Statement").index(0);
    assert_eq!(at(statement.clone().key("Effect")), Some((2, 3)));
    assert_eq!(at(statement.clone().key("Action").index(1)), Some((3, 35)));
    assert_eq!(
        at(statement.clone().key("Resource").index(0)),
        Some((4, 15))
    );
    assert_eq!(at(statement.key("Missing")), None);
    // A parse without a map keeps nothing of the text.
    assert_eq!(Policy::from_json(text).unwrap(), policy);
}

#[test]
fn the_char_count_is_the_length_of_the_compact_json() {
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/data/managed");
    let mut counted = 0;
    for entry in std::fs::read_dir(corpus).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let Ok(policy) = Policy::from_json(&text) else {
            continue;
        };
        assert_eq!(
            super::compact_chars(&policy),
            policy.to_json().chars().count()
        );
        counted += 1;
    }
    assert!(counted > 1500, "{counted}");
    let odd = r#"{"Statement":{"Sid":"é\u0001\"\\","Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"NumericEquals":{"k":[1.5,"x"]},"Bool":{"b":true}}}}"#;
    let policy = Policy::from_json(odd).unwrap();
    assert_eq!(
        super::compact_chars(&policy),
        policy.to_json().chars().count()
    );
}

#[test]
fn a_plain_run_stops_at_the_first_special_byte() {
    let run = |text: &str| super::plain_run(text.as_bytes());
    assert_eq!(run(""), (0, true));
    assert_eq!(run("0123456789abcdef0123"), (20, true));
    assert_eq!(run("é and ü are plain, so is \u{7f}"), (28, false));
    assert_eq!(run("abcdefgh\""), (8, true));
    assert_eq!(run("abcdefg\\h"), (7, true));
    assert_eq!(run("abcdefghijklmnop\u{1f}"), (16, true));
    assert_eq!(run("é\u{0}"), (2, false));
    assert_eq!(run("abc\"é"), (3, true));
    assert_eq!(run("0123456789abcdé"), (16, false));
    // Every position of every special byte in a 20-byte run, against a byte-by-byte scan.
    for special in [b'"', b'\\', 0x00, 0x1f, b'\n'] {
        for position in 0..20 {
            let mut bytes = vec![b'x'; 20];
            bytes[position] = special;
            assert_eq!(super::plain_run(&bytes), (position, true));
        }
    }
}

#[test]
fn a_plain_run_agrees_with_a_byte_by_byte_scan() {
    let alphabet = [b'a', b'"', b'\\', 0x1f, 0x00, 0x20, 0x7f, 0x80, 0xc3, 0xff];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..20_000 {
        let len = (next() % 24) as usize;
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                // Mostly plain bytes, so that long runs occur.
                let pick = next() % 40;
                alphabet.get(pick as usize).copied().unwrap_or(b'a')
            })
            .collect();
        let plain = bytes
            .iter()
            .position(|&b| b < 0x20 || b == b'"' || b == b'\\')
            .unwrap_or(bytes.len());
        let ascii = bytes[..plain].is_ascii();
        assert_eq!(super::plain_run(&bytes), (plain, ascii), "{bytes:?}");
    }
}

#[test]
fn columns_count_chars_in_text_that_is_not_ascii() {
    let text = "{\"Id\": \"é-ü\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}}";
    let Parsed {
        value: policy,
        source_map: map,
    } = parse_policy(text);
    assert!(policy.is_ok());
    let action = Location::root()
        .key("Statement")
        .index(0)
        .key("Action")
        .index(0);
    let position = map.position(&action).unwrap();
    // `é` and `ü` are two bytes each, one column each.
    assert_eq!(position.column, text.find("\"s3:").unwrap() + 1 - 2);
    assert_eq!(position.offset, text.find("\"s3:").unwrap());
}

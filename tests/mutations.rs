//! Near misses of every known name: one character inserted, deleted, replaced, doubled or
//! upper-cased, a dot or hyphen moved. Each either parses to a value that prints back as
//! the mutated text, or fails with an offset inside the input. Never a panic.

mod common;

use ec2_instance_type::{InstanceType, ServiceInstanceType};
use proptest::prelude::*;

#[track_caller]
fn check(input: &str) {
    match InstanceType::parse(input) {
        Ok(it) => assert_eq!(it.to_string(), input),
        Err(err) => {
            assert!(
                err.offset() < input.len().max(1),
                "{input:?}: offset {}",
                err.offset()
            );
            assert!(!err.to_string().is_empty());
        }
    }
    match ServiceInstanceType::parse(input) {
        Ok(it) => assert_eq!(it.to_string(), input),
        Err(err) => assert!(
            err.offset() < input.len().max(1),
            "{input:?}: offset {}",
            err.offset()
        ),
    }
    if let Err(err) = InstanceType::parse_lenient(input) {
        assert!(
            err.offset() < input.len().max(1),
            "{input:?}: lenient offset {}",
            err.offset()
        );
    }
}

/// Every deletion, doubling and upper-casing of every character, and every move of each
/// dot and hyphen to every other position, of every known name.
#[test]
fn every_systematic_near_miss() {
    let mut count = 0;
    for name in common::known_names() {
        let chars: Vec<char> = name.chars().collect();
        for at in 0..chars.len() {
            let mut deleted = chars.clone();
            deleted.remove(at);
            let mut doubled = chars.clone();
            doubled.insert(at, chars[at]);
            let mut upper = chars.clone();
            upper[at] = upper[at].to_ascii_uppercase();
            for mutated in [deleted, doubled, upper] {
                check(&mutated.iter().collect::<String>());
                count += 1;
            }
            if matches!(chars[at], '.' | '-') {
                for to in 0..chars.len() {
                    let mut moved = chars.clone();
                    let c = moved.remove(at);
                    moved.insert(to, c);
                    check(&moved.iter().collect::<String>());
                    count += 1;
                }
            }
        }
    }
    assert!(count > 50_000, "{count} near misses");
}

fn mutation() -> impl Strategy<Value = String> {
    let names = common::known_names();
    let replacement = prop_oneof![
        any::<char>(),
        prop::sample::select(vec![
            '.', '-', '0', '9', 'x', 'м', '５', '．', ' ', '\t', '\u{0}', '\u{200b}'
        ]),
    ];
    (
        prop::sample::select(names),
        any::<prop::sample::Index>(),
        replacement,
        0..2u8,
    )
        .prop_map(|(name, at, c, kind)| {
            let mut chars: Vec<char> = name.chars().collect();
            let at = at.index(chars.len() + 1);
            match kind {
                0 => chars.insert(at, c),
                _ if at < chars.len() => chars[at] = c,
                _ => chars.push(c),
            }
            chars.into_iter().collect()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    #[test]
    fn random_insertions_and_replacements(input in mutation()) {
        check(&input);
    }

    #[test]
    fn huge_numbers(series in "[a-z]{1,3}", generation in "[0-9]{1,30}", multiplier in "[0-9]{1,30}") {
        check(&format!("{series}{generation}.{multiplier}xlarge"));
        check(&format!("{series}{generation}.metal-{multiplier}xl"));
    }

    #[test]
    fn long_and_control_strings(input in "[\\x00-\\x1f a-z0-9.\\-\\u{400}-\\u{4ff}\\u{ff00}-\\u{ffef}]{0,300}") {
        check(&input);
    }
}

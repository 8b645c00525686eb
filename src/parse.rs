//! The private nom grammar. One function per rule, the rule in EBNF above it.
//!
//! The grammar tokenises (a run of letters, a run of digits) and then classifies the
//! token with a lookup, so unknown tokens get precise errors ("unknown size 'xlarg'")
//! instead of a failed `alt`. No function here allocates.

use nom::bytes::complete::{tag, take_while, take_while1};
use nom::character::complete::{char, digit1};
use nom::combinator::{all_consuming, cut, opt, recognize};
use nom::{Err as NomErr, IResult, Parser};

use crate::error::{ErrorKind, ParseError};
use crate::inline_str::InlineStr;
use crate::parts::{Capability, InstanceOption, Series, Size};
use crate::service::Service;
use crate::suggest;

/// The most hyphenated options one family may have.
pub(crate) const MAX_OPTIONS: usize = 4;

/// A grammar failure: its kind, the input from where it was found onwards, the offending
/// text, and a replacement for that text when one is obvious.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Failure<'a> {
    pub(crate) kind: ErrorKind,
    pub(crate) at: &'a str,
    pub(crate) found: &'a str,
    pub(crate) suggestion: Option<InlineStr<24>>,
}

impl<'a> Failure<'a> {
    fn new(kind: ErrorKind, at: &'a str, found: &'a str) -> Self {
        Self {
            kind,
            at,
            found,
            suggestion: None,
        }
    }

    /// The failure of the first character of `at`.
    fn at_char(kind: ErrorKind, at: &'a str) -> Self {
        let len = at.chars().next().map_or(0, char::len_utf8);
        Self::new(kind, at, &at[..len])
    }

    /// Turns the failure into the public error, with offsets counted in `input`.
    pub(crate) fn into_error(self, input: &str, reparses: suggest::Reparse) -> ParseError {
        let offset = (input.len() - self.at.len()).min(input.len().saturating_sub(1));
        let suggestion = match self.suggestion {
            Some(token) => Some(InlineStr::<64>::new(token.as_str())),
            None => suggest::whole_name(input, self.kind, reparses),
        };
        ParseError::new(self.kind, offset, self.found)
            .with_suggestion(suggestion.as_ref().map(InlineStr::as_str))
    }
}

impl<'a> nom::error::ParseError<&'a str> for Failure<'a> {
    fn from_error_kind(input: &'a str, kind: nom::error::ErrorKind) -> Self {
        if kind == nom::error::ErrorKind::Eof {
            // `all_consuming` found input after the name.
            Self::new(ErrorKind::TrailingCharacters, input, input)
        } else {
            Self::at_char(ErrorKind::UnexpectedCharacter, input)
        }
    }

    fn append(_: &'a str, _: nom::error::ErrorKind, other: Self) -> Self {
        other
    }
}

type Res<'a, O> = IResult<&'a str, O, Failure<'a>>;

fn fail<O>(failure: Failure<'_>) -> Res<'_, O> {
    Err(NomErr::Failure(failure))
}

/// The decoded parts of an EC2 name, as byte spans into the name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Decoded {
    pub(crate) series_end: u8,
    pub(crate) generation: Option<u16>,
    pub(crate) letters: (u8, u8),
    pub(crate) options: [(u8, u8); MAX_OPTIONS],
    pub(crate) option_count: u8,
    pub(crate) dot: u8,
    pub(crate) size: Size,
}

impl Decoded {
    /// How many parts of `name` (the text this was decoded from) this crate does not know:
    /// the series, capability letters and options.
    pub(crate) fn unknown_parts(&self, name: &str) -> usize {
        let span = |(start, end): (u8, u8)| {
            name.get(usize::from(start)..usize::from(end))
                .unwrap_or_default()
        };
        let series = usize::from(!Series::from_code(span((0, self.series_end))).is_known());
        let letters = span(self.letters)
            .chars()
            .filter(|c| matches!(Capability::from_letter(*c), Capability::Other(_)))
            .count();
        let options = self.options[..usize::from(self.option_count)]
            .iter()
            .filter(|o| {
                matches!(
                    InstanceOption::from_token(span(**o)),
                    InstanceOption::Other(_)
                )
            })
            .count();
        series + letters + options
    }
}

/// The decoded parts of a service name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DecodedService {
    pub(crate) service: Option<Service>,
    /// Where the EC2 name starts and ends in the input.
    pub(crate) name_span: (u8, u8),
    pub(crate) name: Decoded,
    /// RDS optimized-CPU class: threads per core and memory ratio.
    pub(crate) class_option: Option<(u8, u8)>,
}

/// Decodes a whole EC2 name such as `p3dn.24xlarge`.
pub(crate) fn decode(input: &str) -> Result<Decoded, Failure<'_>> {
    check_length(input, crate::InstanceType::MAX_LEN)?;
    check_characters(input)?;
    all_consuming(name)
        .parse(input)
        .map(|(_, decoded)| decoded)
        .map_err(|e| unwrap_failure(&e))
}

/// Decodes a whole service name such as `db.r6g.large` or `r6g.large.search`.
pub(crate) fn decode_service(input: &str) -> Result<DecodedService, Failure<'_>> {
    check_length(input, crate::ServiceInstanceType::MAX_LEN)?;
    check_characters(input)?;
    all_consuming(service_name)
        .parse(input)
        .map(|(_, decoded)| decoded)
        .map_err(|e| unwrap_failure(&e))
}

fn unwrap_failure<'a>(err: &NomErr<Failure<'a>>) -> Failure<'a> {
    match err {
        NomErr::Error(f) | NomErr::Failure(f) => *f,
        // Only streaming parsers ask for more input; these are all `complete`.
        NomErr::Incomplete(_) => Failure::new(ErrorKind::UnexpectedCharacter, "", ""),
    }
}

/// Refuses input over `max` bytes before looking at it.
fn check_length(input: &str, max: usize) -> Result<(), Failure<'_>> {
    if input.is_empty() {
        return Err(Failure::new(ErrorKind::Empty, input, ""));
    }
    if input.len() > max {
        let mut at = max;
        while !input.is_char_boundary(at) {
            at -= 1;
        }
        let limit = if max == crate::InstanceType::MAX_LEN {
            "32"
        } else {
            "64"
        };
        return Err(Failure::new(ErrorKind::TooLong, &input[at..], limit));
    }
    Ok(())
}

/// Names hold only `a-z`, `0-9`, `.` and `-`; says which other character came first.
fn check_characters(input: &str) -> Result<(), Failure<'_>> {
    let allowed = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-';
    let Some(at) = input.bytes().position(|b| !allowed(b)) else {
        return Ok(());
    };
    // Every byte before `at` is ASCII, so `at` is a character boundary.
    let rest = &input[at..];
    let kind = match rest.chars().next() {
        Some(c) if c.is_ascii_uppercase() => ErrorKind::Uppercase,
        Some(c) if c.is_whitespace() => ErrorKind::Whitespace,
        Some(c) if !c.is_ascii() => ErrorKind::NonAscii,
        _ => ErrorKind::UnexpectedCharacter,
    };
    Err(Failure::at_char(kind, rest))
}

fn lower0(i: &str) -> Res<'_, &str> {
    take_while(|c: char| c.is_ascii_lowercase()).parse(i)
}

fn lower1(i: &str) -> Res<'_, &str> {
    take_while1(|c: char| c.is_ascii_lowercase()).parse(i)
}

/// A number with no leading zero that fits in `T`; `at` is where its digits start.
fn number<'a, T: std::str::FromStr>(
    at: &'a str,
    digits: &'a str,
) -> Result<T, NomErr<Failure<'a>>> {
    if digits.len() > 1 && digits.starts_with('0') {
        return Err(NomErr::Failure(Failure::new(
            ErrorKind::LeadingZero,
            at,
            digits,
        )));
    }
    digits
        .parse()
        .map_err(|_| NomErr::Failure(Failure::new(ErrorKind::NumberTooLarge, at, digits)))
}

// name = family "." size
// family = series ( generation letters options | options [ generation ] )
// options = { "-" option }
pub(crate) fn name(input: &str) -> Res<'_, Decoded> {
    let pos = |rest: &str| (input.len() - rest.len()) as u8;

    let (i, series_text) = series(input)?;
    let series_end = pos(i);
    let (i, mut generation) = opt(generation).parse(i)?;
    let letters_start = pos(i);
    let (i, _) = if generation.is_some() {
        lower0(i)?
    } else {
        (i, "")
    };
    let letters = (letters_start, pos(i));

    let mut options = [(0, 0); MAX_OPTIONS];
    let mut option_count = 0;
    let mut i = i;
    loop {
        match option(i) {
            Ok((rest, token)) => {
                if option_count == MAX_OPTIONS {
                    return fail(Failure::at_char(ErrorKind::TooManyOptions, i));
                }
                options[option_count] = (pos(rest) - token.len() as u8, pos(rest));
                option_count += 1;
                i = rest;
            }
            Err(NomErr::Error(_)) => break,
            Err(failure) => return Err(failure),
        }
    }
    if generation.is_none() {
        if option_count == 0 {
            return fail(Failure::new(ErrorKind::ExpectedGeneration, i, series_text));
        }
        let (rest, trailing) = opt(self::generation).parse(i)?;
        generation = trailing;
        i = rest;
    }

    let dot = pos(i);
    let i = match i.strip_prefix('.') {
        Some(rest) => rest,
        None if i.is_empty() => return fail(Failure::new(ErrorKind::MissingDot, i, "")),
        None => return fail(Failure::at_char(ErrorKind::UnexpectedCharacter, i)),
    };
    let (i, size) = cut(size).parse(i)?;
    Ok((
        i,
        Decoded {
            series_end,
            generation,
            letters,
            options,
            option_count: option_count as u8,
            dot,
            size,
        },
    ))
}

// series = lower+
fn series(i: &str) -> Res<'_, &str> {
    lower1(i).map_err(|_| NomErr::Failure(Failure::at_char(ErrorKind::ExpectedSeries, i)))
}

// generation = digit+          (no leading zero, at most 65535)
fn generation(i: &str) -> Res<'_, u16> {
    let (rest, digits) = digit1(i)?;
    Ok((rest, number(i, digits)?))
}

// option = "-" ( digit+ lower+ | lower+ [ digit+ lower* ] )
fn option(i: &str) -> Res<'_, &str> {
    let (after_hyphen, _) = char('-').parse(i)?;
    let token = recognize((digit1, lower1)).or(recognize((lower1, opt((digit1, lower0)))));
    cut(token)
        .parse(after_hyphen)
        .map_err(|_| NomErr::Failure(Failure::at_char(ErrorKind::EmptyOption, i)))
}

// size = ( lower | digit | "-" )+   then classified: named, N "xlarge", "metal-" N "xl"
fn size(i: &str) -> Res<'_, Size> {
    let (rest, token) =
        take_while(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-').parse(i)?;
    if token.is_empty() {
        return fail(Failure::at_char(ErrorKind::MissingSize, i));
    }
    match Size::from_token(token) {
        Ok(size) => Ok((rest, size)),
        Err(refused) => fail(Failure {
            suggestion: refused.suggestion,
            ..Failure::new(refused.kind, i, token)
        }),
    }
}

// service_name = prefix "." name [ class_option ] | name [ "." suffix ]
// prefix = "db" | "cache" | "ml" | "kafka" | "express" | "mq" | "dax"
// suffix = "search" | "elasticsearch"
fn service_name(input: &str) -> Res<'_, DecodedService> {
    let pos = |rest: &str| (input.len() - rest.len()) as u8;
    let (i, service) = opt(prefix).parse(input)?;
    let name_start = pos(i);
    if i.is_empty() {
        let word = &input[..input.len() - 1];
        return fail(Failure::new(
            ErrorKind::MissingInstanceType,
            &input[word.len()..],
            word,
        ));
    }
    if service == Some(Service::Db) && i == "serverless" {
        return fail(Failure::new(ErrorKind::NotAnInstanceType, input, input));
    }
    let (i, decoded) = name(i)?;
    let name_end = pos(i);
    if usize::from(name_end - name_start) > crate::InstanceType::MAX_LEN {
        let at = &input[usize::from(name_start) + crate::InstanceType::MAX_LEN..];
        return fail(Failure::new(ErrorKind::TooLong, at, "32"));
    }
    let (i, class_option) = if service == Some(Service::Db) {
        opt(class_option).parse(i)?
    } else {
        (i, None)
    };
    let (i, service) = if let Some(prefix) = service {
        (i, Some(prefix))
    } else {
        let (i, suffix) = opt(suffix).parse(i)?;
        (i, suffix)
    };
    Ok((
        i,
        DecodedService {
            service,
            name_span: (name_start, name_end),
            name: decoded,
            class_option,
        },
    ))
}

// prefix "."     (a leading word and a dot, when the rest holds another dot or the word
//                 is a known prefix; otherwise the input is a plain EC2 name)
fn prefix(i: &str) -> Res<'_, Service> {
    let (rest, word) = lower1(i)?;
    let Some(rest) = rest.strip_prefix('.') else {
        return Err(NomErr::Error(Failure::new(
            ErrorKind::UnexpectedCharacter,
            i,
            "",
        )));
    };
    match Service::from_prefix(word) {
        Some(service) => Ok((rest, service)),
        None if rest.contains('.') => fail(Failure::new(ErrorKind::UnknownService, i, word)),
        None => Err(NomErr::Error(Failure::new(
            ErrorKind::UnknownService,
            i,
            word,
        ))),
    }
}

// "." suffix
fn suffix(i: &str) -> Res<'_, Service> {
    let (rest, _) = char('.').parse(i)?;
    let (rest, word) = lower1(rest)
        .map_err(|_| NomErr::Failure(Failure::at_char(ErrorKind::TrailingCharacters, i)))?;
    match Service::from_suffix(word) {
        Some(service) => Ok((rest, service)),
        None => fail(Failure::new(ErrorKind::UnknownService, &i[1..], word)),
    }
}

// class_option = ".tpc" number ".mem" number "x"
fn class_option(i: &str) -> Res<'_, (u8, u8)> {
    let (rest, _) = tag(".tpc").parse(i)?;
    let invalid = || NomErr::Failure(Failure::new(ErrorKind::InvalidClassOption, i, i));
    let (rest, (tpc, _, mem, _)) = (digit1, tag(".mem"), digit1, char('x'))
        .parse(rest)
        .map_err(|_: NomErr<Failure<'_>>| invalid())?;
    let tpc = number::<u8>(i, tpc).map_err(|_| invalid())?;
    let mem = number::<u8>(i, mem).map_err(|_| invalid())?;
    if tpc == 0 || mem == 0 {
        return Err(invalid());
    }
    Ok((rest, (tpc, mem)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn rule<'a, O: std::fmt::Debug>(
        parser: impl Fn(&'a str) -> Res<'a, O>,
        input: &'a str,
    ) -> (&'a str, O) {
        parser(input).unwrap_or_else(|e| panic!("{input:?}: {e:?}"))
    }

    #[track_caller]
    fn rule_fails<'a, O: std::fmt::Debug>(
        parser: impl Fn(&'a str) -> Res<'a, O>,
        input: &'a str,
    ) -> ErrorKind {
        match parser(input) {
            Err(NomErr::Error(f) | NomErr::Failure(f)) => f.kind,
            other => panic!("{input:?} should fail: {other:?}"),
        }
    }

    #[test]
    fn series_takes_the_leading_letters() {
        assert_eq!(rule(series, "hpc7g"), ("7g", "hpc"));
        assert_eq!(rule(series, "u-6tb1"), ("-6tb1", "u"));
        assert_eq!(rule_fails(series, "7g"), ErrorKind::ExpectedSeries);
    }

    #[test]
    fn generation_is_a_canonical_number() {
        assert_eq!(rule(generation, "10i"), ("i", 10));
        assert_eq!(rule_fails(generation, "05"), ErrorKind::LeadingZero);
        assert_eq!(rule_fails(generation, "70000"), ErrorKind::NumberTooLarge);
        assert!(matches!(generation("i"), Err(NomErr::Error(_))));
    }

    #[test]
    fn option_stops_before_a_trailing_generation() {
        assert_eq!(rule(option, "-6tb1"), ("1", "6tb"));
        assert_eq!(rule(option, "-m2pro.metal"), (".metal", "m2pro"));
        assert_eq!(rule(option, "-gb200"), ("", "gb200"));
        assert_eq!(rule(option, "-flex"), ("", "flex"));
        assert_eq!(rule_fails(option, "-.large"), ErrorKind::EmptyOption);
        assert!(matches!(option(".large"), Err(NomErr::Error(_))));
    }

    #[test]
    fn size_classifies_its_token() {
        assert_eq!(rule(size, "metal-48xl"), ("", Size::MetalN(48)));
        assert_eq!(rule(size, "8xlarge.tpc2"), (".tpc2", Size::XLargeN(8)));
        assert_eq!(rule_fails(size, "xlarg"), ErrorKind::UnknownSize);
        assert_eq!(rule_fails(size, ""), ErrorKind::MissingSize);
    }

    #[test]
    fn name_records_spans() {
        let (rest, d) = rule(name, "u-6tb1.metal");
        assert_eq!(rest, "");
        assert_eq!(
            (d.series_end, d.generation, d.option_count, d.dot),
            (1, Some(1), 1, 6)
        );
        assert_eq!(d.options[0], (2, 5));
        let (_, d) = rule(name, "mac-m4.metal");
        assert_eq!(d.generation, None);
        let (_, d) = rule(name, "p3dn.24xlarge");
        assert_eq!(d.letters, (2, 4));
        assert_eq!(rule_fails(name, "m.large"), ErrorKind::ExpectedGeneration);
        assert_eq!(rule_fails(name, "m5large"), ErrorKind::MissingDot);
        assert_eq!(
            rule_fails(name, "m5d5.large"),
            ErrorKind::UnexpectedCharacter
        );
    }

    #[test]
    fn prefix_and_suffix_and_class_option() {
        assert_eq!(rule(prefix, "db.r6g.large"), ("r6g.large", Service::Db));
        assert_eq!(
            rule_fails(prefix, "foo.m5.large"),
            ErrorKind::UnknownService
        );
        assert!(matches!(prefix("m.large"), Err(NomErr::Error(_))));
        assert_eq!(rule(suffix, ".search"), ("", Service::Search));
        assert_eq!(rule_fails(suffix, ".foo"), ErrorKind::UnknownService);
        assert_eq!(rule(class_option, ".tpc2.mem4x"), ("", (2, 4)));
        assert_eq!(
            rule_fails(class_option, ".tpc2.mem"),
            ErrorKind::InvalidClassOption
        );
    }
}

//! The nom grammar of names. One function per rule, the rule in EBNF above it.
//!
//! The grammar tokenises (a run of letters, a run of digits) and then classifies the
//! token with a lookup, so unknown tokens get precise errors ("unknown size 'xlarg'")
//! instead of a failed `alt`. It reads bytes: every token is ASCII, so no character is
//! decoded, and input holding anything else is refused before its text is quoted. No
//! function here allocates.

use nom::bytes::complete::{tag, take_while, take_while1};
use nom::character::complete::{char, digit1};
use nom::combinator::{all_consuming, cut, opt, recognize};
use nom::{Err as NomErr, IResult, Parser};

use crate::error::ErrorKind;
use crate::instance_type::Parts;
use crate::limits::{MAX_OPTIONS, NAME_MAX_LEN, SERVICE_NAME_MAX_LEN};
use crate::number::{self, NumberError};
use crate::parts::{Size, SizeKey};
use crate::service::Service;

/// The grammar's input: the name's bytes.
type In<'a> = &'a [u8];

/// A grammar failure: its kind, the input from where it was found onwards, and the
/// offending text. Kept small: every nom result carries one, success or not.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Failure<'a> {
    pub(crate) kind: ErrorKind,
    /// The length bound a [`ErrorKind::TooLong`] input broke; 0 for every other kind.
    pub(crate) max_len: u8,
    pub(crate) at: In<'a>,
    pub(crate) found: In<'a>,
}

impl<'a> Failure<'a> {
    fn new(kind: ErrorKind, at: In<'a>, found: In<'a>) -> Self {
        Self {
            kind,
            max_len: 0,
            at,
            found,
        }
    }

    /// The failure of input past `max_len` bytes: `over` is the input from the bound on,
    /// and what was found.
    fn too_long(over: In<'a>, max_len: usize) -> Self {
        Self {
            max_len: u8::try_from(max_len).unwrap_or(u8::MAX),
            ..Self::new(ErrorKind::TooLong, over, over)
        }
    }

    /// The failure of the first byte of `at`.
    fn at_byte(kind: ErrorKind, at: In<'a>) -> Self {
        Self::new(kind, at, at.get(..1).unwrap_or_default())
    }

    /// The offset of the failure in `input`, inside it (0 for empty input).
    pub(crate) fn offset(&self, input: &str) -> usize {
        (input.len() - self.at.len()).min(input.len().saturating_sub(1))
    }

    /// The offending text. It is ASCII: input with other characters fails on the first
    /// of them (see `first_bad_character`), whose text is a whole character.
    pub(crate) fn found(&self) -> &'a str {
        std::str::from_utf8(self.found).unwrap_or_default()
    }
}

impl<'a> nom::error::ParseError<In<'a>> for Failure<'a> {
    fn from_error_kind(input: In<'a>, kind: nom::error::ErrorKind) -> Self {
        if kind == nom::error::ErrorKind::Eof {
            // `all_consuming` found input after the name.
            Self::new(ErrorKind::TrailingCharacters, input, input)
        } else {
            Self::at_byte(ErrorKind::UnexpectedCharacter, input)
        }
    }

    fn append(_: In<'a>, _: nom::error::ErrorKind, other: Self) -> Self {
        other
    }
}

type Res<'a, O> = IResult<In<'a>, O, Failure<'a>>;

fn fail<O>(failure: Failure<'_>) -> Res<'_, O> {
    Err(NomErr::Failure(failure))
}

/// The decoded parts of a service name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DecodedService {
    pub(crate) service: Option<Service>,
    /// Where the EC2 name starts and ends in the input.
    pub(crate) name_span: (u8, u8),
    pub(crate) name: Parts,
    /// RDS optimized-CPU class: threads per core and memory ratio.
    pub(crate) class_option: Option<(u8, u8)>,
}

/// Decodes a whole EC2 name such as `p3dn.24xlarge`.
pub(crate) fn decode(input: &str) -> Result<Parts, Failure<'_>> {
    check_length(input, NAME_MAX_LEN)?;
    all_consuming(name)
        .parse(input.as_bytes())
        .map(|(_, decoded)| decoded)
        .map_err(|e| first_bad_character(input).unwrap_or_else(|| unwrap_failure(&e)))
}

/// Checks a whole family such as `m5d` or `u-6tb1` (the detail of `HostUsage:m5d`).
pub(crate) fn decode_family(input: &str) -> Result<(), Failure<'_>> {
    check_length(input, NAME_MAX_LEN)?;
    all_consuming(family)
        .parse(input.as_bytes())
        .map(|_| ())
        .map_err(|e| first_bad_character(input).unwrap_or_else(|| unwrap_failure(&e)))
}

/// Decodes a whole service name such as `db.r6g.large` or `r6g.large.search`.
pub(crate) fn decode_service(input: &str) -> Result<DecodedService, Failure<'_>> {
    check_length(input, SERVICE_NAME_MAX_LEN)?;
    all_consuming(service_name)
        .parse(input.as_bytes())
        .map(|(_, decoded)| decoded)
        .map_err(|e| first_bad_character(input).unwrap_or_else(|| unwrap_failure(&e)))
}

fn unwrap_failure<'a>(err: &NomErr<Failure<'a>>) -> Failure<'a> {
    match err {
        NomErr::Error(f) | NomErr::Failure(f) => *f,
        // Only streaming parsers ask for more input; these are all `complete`.
        NomErr::Incomplete(_) => Failure::new(ErrorKind::UnexpectedCharacter, b"", b""),
    }
}

/// Refuses empty input, and input over the bound before looking at it.
fn check_length(input: &str, max_len: usize) -> Result<(), Failure<'_>> {
    let bytes = input.as_bytes();
    if bytes.is_empty() {
        return Err(Failure::new(ErrorKind::Empty, bytes, b""));
    }
    match bytes.get(max_len..) {
        Some(over) if !over.is_empty() => Err(Failure::too_long(over, max_len)),
        _ => Ok(()),
    }
}

/// Names hold only `a-z`, `0-9`, `.` and `-`; the failure for the first other character.
pub(crate) fn first_bad_character(input: &str) -> Option<Failure<'_>> {
    first_bad(input, is_name_byte)
}

/// The failure for the first character of `input` that `allowed` refuses.
///
/// Every grammar token accepts only those characters, so input holding another one never
/// parses; looking for it only once the grammar has failed keeps the success path to one
/// pass, and still reports the first such character (`M5.large`: uppercase at 0).
pub(crate) fn first_bad(input: &str, allowed: fn(u8) -> bool) -> Option<Failure<'_>> {
    let at = input.bytes().position(|b| !allowed(b))?;
    // Every byte before `at` is ASCII, so `at` is a character boundary.
    let rest = &input[at..];
    let c = rest.chars().next()?;
    let kind = if c.is_ascii_uppercase() {
        ErrorKind::Uppercase
    } else if c.is_whitespace() {
        ErrorKind::Whitespace
    } else if !c.is_ascii() {
        ErrorKind::NonAscii
    } else {
        ErrorKind::UnexpectedCharacter
    };
    let rest = rest.as_bytes();
    Some(Failure::new(kind, rest, &rest[..c.len_utf8()]))
}

pub(crate) fn is_name_byte(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-'
}

fn lower0(i: In<'_>) -> Res<'_, In<'_>> {
    take_while(|b: u8| b.is_ascii_lowercase()).parse(i)
}

fn lower1(i: In<'_>) -> Res<'_, In<'_>> {
    take_while1(|b: u8| b.is_ascii_lowercase()).parse(i)
}

/// A number with no leading zero of at most `max`, read by the crate's one number reader;
/// `at` is where its digits start.
fn number<'a>(at: In<'a>, digits: In<'a>, max: u32) -> Result<u32, NomErr<Failure<'a>>> {
    number::read(digits, max).map_err(|e| {
        let kind = match e {
            NumberError::LeadingZero => ErrorKind::LeadingZero,
            NumberError::TooLarge => ErrorKind::NumberTooLarge,
            NumberError::NotDigits => ErrorKind::UnexpectedCharacter,
        };
        NomErr::Failure(Failure::new(kind, at, digits))
    })
}

/// The parts of a family, as byte offsets into the text it starts.
struct Family {
    series_end: u8,
    generation: Option<u16>,
    letters: (u8, u8),
    options: (u8, u8),
}

// name = family "." size
fn name(input: In<'_>) -> Res<'_, Parts> {
    let (i, family) = family(input)?;
    let dot = (input.len() - i.len()) as u8;
    let i = match i.split_first() {
        Some((b'.', rest)) => rest,
        None => return fail(Failure::new(ErrorKind::MissingDot, i, b"")),
        Some(_) => return fail(Failure::at_byte(ErrorKind::UnexpectedCharacter, i)),
    };
    let (i, size) = cut(size).parse(i)?;
    Ok((
        i,
        Parts {
            series_end: family.series_end,
            generation: family.generation,
            letters: family.letters,
            options: family.options,
            dot,
            size,
        },
    ))
}

// family = series ( generation letters options | options [ generation ] )
// options = { "-" option }
//
// `inline(always)`: as a plain call (or with `#[inline]` alone) parsing is measurably
// slower; README, "Performance", has the figures.
#[allow(clippy::inline_always)]
#[inline(always)]
fn family(input: In<'_>) -> Res<'_, Family> {
    let pos = |rest: In<'_>| (input.len() - rest.len()) as u8;

    let (i, series_text) = series(input)?;
    let series_end = pos(i);
    let (i, mut generation) = if i.first().is_some_and(u8::is_ascii_digit) {
        generation(i).map(|(rest, g)| (rest, Some(g)))?
    } else {
        (i, None)
    };
    let letters_start = pos(i);
    let (i, _) = if generation.is_some() {
        lower0(i)?
    } else {
        (i, &i[..0])
    };
    let letters = (letters_start, pos(i));

    let options_start = pos(i);
    let mut option_count = 0;
    let mut i = i;
    while i.first() == Some(&b'-') {
        if option_count == MAX_OPTIONS {
            return fail(Failure::at_byte(ErrorKind::TooManyOptions, i));
        }
        let (rest, _) = option(i)?;
        option_count += 1;
        i = rest;
    }
    let options = (options_start, pos(i));
    if generation.is_none() {
        if option_count == 0 {
            return fail(Failure::new(ErrorKind::ExpectedGeneration, i, series_text));
        }
        let (rest, trailing) = opt(self::generation).parse(i)?;
        generation = trailing;
        i = rest;
    }
    Ok((
        i,
        Family {
            series_end,
            generation,
            letters,
            options,
        },
    ))
}

// series = lower+
fn series(i: In<'_>) -> Res<'_, In<'_>> {
    lower1(i).map_err(|_| NomErr::Failure(Failure::at_byte(ErrorKind::ExpectedSeries, i)))
}

// generation = digit+          (no leading zero, at most 65535)
fn generation(i: In<'_>) -> Res<'_, u16> {
    let (rest, digits) = digit1(i)?;
    Ok((rest, number(i, digits, u32::from(u16::MAX))? as u16))
}

// option = "-" option_token
fn option(i: In<'_>) -> Res<'_, In<'_>> {
    let (after_hyphen, _) = char('-').parse(i)?;
    cut(option_token)
        .parse(after_hyphen)
        .map_err(|_| NomErr::Failure(Failure::at_byte(ErrorKind::EmptyOption, i)))
}

// option_token = digit+ lower+ | lower+ [ digit+ lower* ]
pub(crate) fn option_token(i: In<'_>) -> Res<'_, In<'_>> {
    recognize((digit1, lower1))
        .or(recognize((lower1, opt((digit1, lower0)))))
        .parse(i)
}

// size = ( lower | digit | "-" )+   then classified by `size_key`
fn size(i: In<'_>) -> Res<'_, SizeKey> {
    let (rest, token) =
        take_while(|b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-').parse(i)?;
    if token.is_empty() {
        return fail(Failure::at_byte(ErrorKind::MissingSize, i));
    }
    match size_key(token) {
        Ok(size) => Ok((rest, size)),
        Err(kind) => fail(Failure::new(kind, i, token)),
    }
}

/// Classifies a whole size token: the named sizes, N "xlarge", "metal-" N "xl"
/// (N of 2 or more). Says only what is wrong; `suggest` works out a replacement.
#[inline]
pub(crate) fn size_key(token: &[u8]) -> Result<SizeKey, ErrorKind> {
    // `Nxlarge` first: most names use it. Fixed-size array comparisons compile to a
    // few integer compares, where slice comparisons would call `memcmp`.
    if let Some((digits, b"xlarge")) = token.split_last_chunk::<6>() {
        return match digits {
            [] => Ok(Size::XLarge.key()),
            _ => multiplier(digits).map(|n| SizeKey::multiple(n, false)),
        };
    }
    if let Some((b"metal-", rest)) = token.split_first_chunk::<6>() {
        return match rest.split_last_chunk::<2>() {
            Some((digits, b"xl"))
                if !digits.is_empty() && digits.iter().all(u8::is_ascii_digit) =>
            {
                multiplier(digits).map(|n| SizeKey::multiple(n, true))
            }
            _ if rest.is_empty() || rest == b"xl" => Err(ErrorKind::MissingMultiplier),
            _ => Err(ErrorKind::UnknownSize),
        };
    }
    let size = match token {
        b"large" => Size::Large,
        b"metal" => Size::Metal,
        b"medium" => Size::Medium,
        b"small" => Size::Small,
        b"micro" => Size::Micro,
        b"nano" => Size::Nano,
        _ => return Err(ErrorKind::UnknownSize),
    };
    Ok(size.key())
}

/// A size multiplier: a canonical number from 2 that fits in `u16`.
fn multiplier(digits: &[u8]) -> Result<u16, ErrorKind> {
    match number::read(digits, u32::from(u16::MAX)) {
        Ok(0 | 1) => Err(ErrorKind::MultiplierTooSmall),
        Ok(n) => Ok(n as u16),
        Err(NumberError::LeadingZero) => Err(ErrorKind::LeadingZero),
        Err(NumberError::TooLarge) => Err(ErrorKind::NumberTooLarge),
        Err(NumberError::NotDigits) => Err(ErrorKind::UnknownSize),
    }
}

// service_name = prefix "." name [ class_option ] | name [ "." suffix ]
// prefix = "db" | "cache" | "ml" | "kafka" | "express" | "mq" | "dax" | "dms"
// suffix = "search" | "elasticsearch"
fn service_name(input: In<'_>) -> Res<'_, DecodedService> {
    let pos = |rest: In<'_>| (input.len() - rest.len()) as u8;
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
    if service == Some(Service::Db) && i == b"serverless" {
        return fail(Failure::new(ErrorKind::NotAnInstanceType, input, input));
    }
    let (i, decoded) = name(i)?;
    let name_end = pos(i);
    // The EC2 name inside must keep to its own bound; `at` runs to the input's end, as
    // every failure's does.
    if usize::from(name_end - name_start) > NAME_MAX_LEN {
        let at = &input[usize::from(name_start) + NAME_MAX_LEN..];
        return fail(Failure::too_long(at, NAME_MAX_LEN));
    }
    let (i, class_option) = if service == Some(Service::Db) {
        opt(class_option).parse(i)?
    } else {
        (i, None)
    };
    let (i, service) = if let Some(prefix) = service {
        (i, Some(prefix))
    } else {
        opt(suffix).parse(i)?
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
fn prefix(i: In<'_>) -> Res<'_, Service> {
    let (rest, word) = lower1(i)?;
    let Some((b'.', rest)) = rest.split_first() else {
        return Err(NomErr::Error(Failure::new(
            ErrorKind::UnexpectedCharacter,
            i,
            b"",
        )));
    };
    match Service::from_prefix(word) {
        Some(service) => Ok((rest, service)),
        None if rest.contains(&b'.') => fail(Failure::new(ErrorKind::UnknownService, i, word)),
        None => Err(NomErr::Error(Failure::new(
            ErrorKind::UnknownService,
            i,
            word,
        ))),
    }
}

// "." suffix
fn suffix(i: In<'_>) -> Res<'_, Service> {
    let (rest, _) = char('.').parse(i)?;
    let (rest, word) = lower1(rest)
        .map_err(|_| NomErr::Failure(Failure::at_byte(ErrorKind::TrailingCharacters, i)))?;
    match Service::from_suffix(word) {
        Some(service) => Ok((rest, service)),
        None => fail(Failure::new(ErrorKind::UnknownService, &i[1..], word)),
    }
}

// class_option = ".tpc" number ".mem" number "x"     (numbers 1 to 255)
fn class_option(i: In<'_>) -> Res<'_, (u8, u8)> {
    let (rest, _) = tag(".tpc").parse(i)?;
    let invalid = || NomErr::Failure(Failure::new(ErrorKind::InvalidClassOption, i, i));
    let (rest, (tpc, _, mem, _)) = (digit1, tag(".mem"), digit1, char('x'))
        .parse(rest)
        .map_err(|_: NomErr<Failure<'_>>| invalid())?;
    let tpc = number(i, tpc, 255).map_err(|_| invalid())?;
    let mem = number(i, mem, 255).map_err(|_| invalid())?;
    if tpc == 0 || mem == 0 {
        return Err(invalid());
    }
    Ok((rest, (tpc as u8, mem as u8)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn rule<'a, O: std::fmt::Debug>(
        parser: impl Fn(In<'a>) -> Res<'a, O>,
        input: &'a str,
    ) -> (&'a str, O) {
        let (rest, out) = parser(input.as_bytes()).unwrap_or_else(|e| panic!("{input:?}: {e:?}"));
        (std::str::from_utf8(rest).unwrap(), out)
    }

    #[track_caller]
    fn token<'a>(parser: impl Fn(In<'a>) -> Res<'a, In<'a>>, input: &'a str) -> (&'a str, &'a str) {
        let (rest, out) = rule(parser, input);
        (rest, std::str::from_utf8(out).unwrap())
    }

    #[track_caller]
    fn rule_fails<'a, O: std::fmt::Debug>(
        parser: impl Fn(In<'a>) -> Res<'a, O>,
        input: &'a str,
    ) -> ErrorKind {
        match parser(input.as_bytes()) {
            Err(NomErr::Error(f) | NomErr::Failure(f)) => f.kind,
            other => panic!("{input:?} should fail: {other:?}"),
        }
    }

    #[test]
    fn series_takes_the_leading_letters() {
        assert_eq!(token(series, "hpc7g"), ("7g", "hpc"));
        assert_eq!(token(series, "u-6tb1"), ("-6tb1", "u"));
        assert_eq!(rule_fails(series, "7g"), ErrorKind::ExpectedSeries);
    }

    #[test]
    fn generation_is_a_canonical_number() {
        assert_eq!(rule(generation, "10i"), ("i", 10));
        assert_eq!(rule(generation, "65535"), ("", 65535));
        assert_eq!(rule_fails(generation, "05"), ErrorKind::LeadingZero);
        assert_eq!(rule_fails(generation, "65536"), ErrorKind::NumberTooLarge);
        assert_eq!(
            rule_fails(generation, "99999999999999999999999"),
            ErrorKind::NumberTooLarge
        );
        assert!(matches!(generation(b"i"), Err(NomErr::Error(_))));
    }

    #[test]
    fn option_stops_before_a_trailing_generation() {
        assert_eq!(token(option, "-6tb1"), ("1", "6tb"));
        assert_eq!(token(option, "-m2pro.metal"), (".metal", "m2pro"));
        assert_eq!(token(option, "-gb200"), ("", "gb200"));
        assert_eq!(token(option, "-flex"), ("", "flex"));
        assert_eq!(rule_fails(option, "-.large"), ErrorKind::EmptyOption);
        assert!(matches!(option(b".large"), Err(NomErr::Error(_))));
    }

    #[test]
    fn size_classifies_its_token() {
        assert_eq!(rule(size, "metal-48xl"), ("", SizeKey::multiple(48, true)));
        assert_eq!(
            rule(size, "8xlarge.tpc2"),
            (".tpc2", SizeKey::multiple(8, false))
        );
        assert_eq!(rule_fails(size, "xlarg"), ErrorKind::UnknownSize);
        assert_eq!(rule_fails(size, ""), ErrorKind::MissingSize);
    }

    #[test]
    fn size_key_says_what_is_wrong() {
        let cases: &[(&str, ErrorKind)] = &[
            ("xxlarge", ErrorKind::UnknownSize),
            ("1xlarge", ErrorKind::MultiplierTooSmall),
            ("0xlarge", ErrorKind::MultiplierTooSmall),
            ("02xlarge", ErrorKind::LeadingZero),
            ("99999xlarge", ErrorKind::NumberTooLarge),
            ("metal-xl", ErrorKind::MissingMultiplier),
            ("metal-", ErrorKind::MissingMultiplier),
            ("metal-1xl", ErrorKind::MultiplierTooSmall),
            ("metal-024xl", ErrorKind::LeadingZero),
            ("metal-x2xl", ErrorKind::UnknownSize),
        ];
        for (token, kind) in cases {
            assert_eq!(size_key(token.as_bytes()), Err(*kind), "{token}");
        }
        assert_eq!(size_key(b"large"), Ok(Size::Large.key()));
    }

    #[test]
    fn name_records_spans() {
        let (rest, d) = rule(name, "u-6tb1.metal");
        assert_eq!(rest, "");
        assert_eq!((d.series_end, d.generation, d.dot), (1, Some(1), 6));
        assert_eq!(d.options, (1, 5));
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
        assert!(matches!(prefix(b"m.large"), Err(NomErr::Error(_))));
        assert_eq!(rule(suffix, ".search"), ("", Service::Search));
        assert_eq!(rule_fails(suffix, ".foo"), ErrorKind::UnknownService);
        assert_eq!(rule(class_option, ".tpc2.mem4x"), ("", (2, 4)));
        assert_eq!(
            rule_fails(class_option, ".tpc2.mem"),
            ErrorKind::InvalidClassOption
        );
        assert_eq!(
            rule_fails(class_option, ".tpc256.mem4x"),
            ErrorKind::InvalidClassOption
        );
    }
}

//! `keyword_enum!`: a public enum of fixed words (`amd`, `graviton`, ...) written once,
//! with `as_str`, `known`, `Display` and a `FromStr` that round-trip.
//!
//! The crate's own macro rather than strum's derives: the generated impls are std traits
//! only, so no third-party trait or error type appears in the public API.

/// Declares a `#[non_exhaustive]` enum whose variants each stand for one word, and
/// implements on it:
///
/// - `as_str(&self) -> &'static str`, the word;
/// - `known() -> impl ExactSizeIterator<Item = Self>`, every variant in declaration order;
/// - `Display` (the word, honouring width and alignment);
/// - `FromStr` with a [`ParseError`](crate::ParseError) of kind
///   [`UnknownValue`](crate::ErrorKind::UnknownValue) naming `$what`; a variant written
///   `X = "x" | "alias"` also parses from its aliases (`as_str` writes `x`), and a
///   suggestion is chosen among the aliases too.
macro_rules! keyword_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident ($what:literal) {
            $(
                $(#[$variant_meta:meta])*
                $variant:ident = $text:literal $(| $alias:literal)*,
            )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $name {
            $(
                $(#[$variant_meta])*
                $variant,
            )+
        }

        impl $name {
            const KNOWN: &'static [$name] = &[$($name::$variant),+];
            const TEXTS: &'static [&'static str] = &[$($text),+];
            /// Other words the ecosystem writes for a value (`amd64` for `x86_64`).
            const ALIASES: &'static [(&'static str, $name)] = &[$($(($alias, $name::$variant),)*)+];
            /// Every word, the values' then the aliases': what a suggestion is chosen from,
            /// so that a near miss of an alias is not given a different value.
            const WORDS: &'static [&'static str] = &[$($text,)+ $($($alias,)*)+];
            const KEYWORD: $crate::error::Keyword = $crate::error::Keyword {
                what: $what,
                expected: $crate::error::Expected::OneOf(Self::WORDS),
            };

            #[doc = concat!("The ", $what, " as written: ", $("`\"", $text, "\"` "),+)]
            #[must_use]
            pub fn as_str(&self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            /// Other words that parse to this value, as the ecosystem writes it (`amd64` of
            /// `x86_64`); none for most values.
            pub fn aliases(self) -> impl Iterator<Item = &'static str> {
                Self::ALIASES
                    .iter()
                    .filter(move |(_, value)| *value == self)
                    .map(|(alias, _)| *alias)
            }

            #[doc = concat!("Every ", $what, " this version of the crate knows, in declaration order.")]
            #[must_use]
            pub fn known() -> impl ExactSizeIterator<Item = Self> + Clone {
                Self::KNOWN.iter().copied()
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::ParseError;

            #[doc = concat!("Parses the word of a ", $what, ", exactly as [`", stringify!($name), "::as_str`] writes it, or another word the ecosystem writes for the same value (`amd64` for `x86_64`, where there is one).")]
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::KNOWN
                    .iter()
                    .zip(Self::TEXTS)
                    .find(|(_, text)| **text == s)
                    .map(|(value, _)| *value)
                    .or_else(|| Self::ALIASES.iter().find(|(alias, _)| *alias == s).map(|(_, value)| *value))
                    .ok_or_else(|| $crate::ParseError::unknown_value(&Self::KEYWORD, s))
            }
        }
    };
}

pub(crate) use keyword_enum;

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
///   [`UnknownValue`](crate::ErrorKind::UnknownValue) naming `$what`.
macro_rules! keyword_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident ($what:literal) {
            $(
                $(#[$variant_meta:meta])*
                $variant:ident = $text:literal,
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
            const KEYWORD: $crate::error::Keyword = $crate::error::Keyword {
                what: $what,
                expected: $crate::error::Expected::OneOf(Self::TEXTS),
            };

            #[doc = concat!("The ", $what, " as written: ", $("`\"", $text, "\"` "),+)]
            #[must_use]
            pub fn as_str(&self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
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

            #[doc = concat!("Parses the word of a ", $what, ", exactly as [`", stringify!($name), "::as_str`] writes it.")]
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::KNOWN
                    .iter()
                    .zip(Self::TEXTS)
                    .find(|(_, text)| **text == s)
                    .map(|(value, _)| *value)
                    .ok_or_else(|| $crate::ParseError::unknown_value(&Self::KEYWORD, s))
            }
        }
    };
}

pub(crate) use keyword_enum;

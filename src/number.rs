//! The one reader of numbers in names: decimal digits, no sign, no leading zero.

/// Why digits are not a number a name may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumberError {
    /// Empty, or something other than ASCII digits.
    NotDigits,
    /// More than one digit, the first a zero (`05`).
    LeadingZero,
    /// Larger than the bound.
    TooLarge,
}

/// Reads `digits` as a canonical decimal number of at most `max`.
///
/// One pass over the digits: this runs for every generation and size of every name.
#[inline]
pub(crate) fn read(digits: &[u8], max: u32) -> Result<u32, NumberError> {
    let (&first, _) = digits.split_first().ok_or(NumberError::NotDigits)?;
    if first == b'0' && digits.len() > 1 {
        return if digits.iter().all(u8::is_ascii_digit) {
            Err(NumberError::LeadingZero)
        } else {
            Err(NumberError::NotDigits)
        };
    }
    // A u64 holds `max * 10 + 9` for any u32 `max`, so no step can overflow.
    let mut value: u64 = 0;
    for &byte in digits {
        let digit = byte.wrapping_sub(b'0');
        if digit > 9 {
            return Err(NumberError::NotDigits);
        }
        value = value * 10 + u64::from(digit);
        if value > u64::from(max) {
            // Say "too large" only for digits: `99999x` is not a number at all.
            return if digits.iter().all(u8::is_ascii_digit) {
                Err(NumberError::TooLarge)
            } else {
                Err(NumberError::NotDigits)
            };
        }
    }
    Ok(value as u32)
}

#[cfg(test)]
mod tests {
    use super::{NumberError, read};

    #[test]
    fn reads_canonical_numbers_only() {
        assert_eq!(read(b"0", 9), Ok(0));
        assert_eq!(read(b"65535", 65535), Ok(65535));
        assert_eq!(read(b"65536", 65535), Err(NumberError::TooLarge));
        assert_eq!(
            read(b"99999999999999999999999", u32::MAX),
            Err(NumberError::TooLarge)
        );
        assert_eq!(read(b"05", 99), Err(NumberError::LeadingZero));
        assert_eq!(read(b"", 99), Err(NumberError::NotDigits));
        assert_eq!(read(b"1a", 99), Err(NumberError::NotDigits));
    }
}

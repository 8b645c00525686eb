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
pub(crate) fn read(digits: &[u8], max: u32) -> Result<u32, NumberError> {
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return Err(NumberError::NotDigits);
    }
    if digits.len() > 1 && digits[0] == b'0' {
        return Err(NumberError::LeadingZero);
    }
    let mut value: u32 = 0;
    for digit in digits {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(u32::from(digit - b'0')))
            .filter(|v| *v <= max)
            .ok_or(NumberError::TooLarge)?;
    }
    Ok(value)
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

//! The bounds of names, shared by the value types, the grammar and the error messages.

/// The longest EC2 name accepted, in bytes.
pub(crate) const NAME_MAX_LEN: usize = 32;

/// The longest service name accepted, in bytes.
pub(crate) const SERVICE_NAME_MAX_LEN: usize = 64;

/// The longest usage type accepted, in bytes.
pub(crate) const USAGE_TYPE_MAX_LEN: usize = 256;

/// The most hyphenated options one family may have.
pub(crate) const MAX_OPTIONS: usize = 4;

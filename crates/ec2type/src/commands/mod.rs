//! One module per subcommand (but `usage`, a pipeline of its own under `usage/`).

pub mod bill;
pub mod compare;
pub mod decode;
pub mod family;
pub mod find;
pub mod related;
pub mod show;

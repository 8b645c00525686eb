//! `ec2type`: decode, show, find and compare EC2 instance types from the terminal
//! (`cargo run --example ec2type -- decode p3dn.24xlarge`). The code is in `lib.rs`.

fn main() -> std::process::ExitCode {
    ec2type::main()
}

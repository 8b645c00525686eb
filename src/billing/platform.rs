//! A platform of EC2's operation codes: the value the generated table holds.

/// What a usage operation's code says: the platform AWS documents for it, and the names
/// the Price List gives its operating system, licence and software.
///
/// ```
/// use ec2_instance_type::usage::Operation;
///
/// let windows = Operation::parse("RunInstances:0002").platform().unwrap();
/// assert_eq!(windows.name, "Windows");
/// assert_eq!(windows.os, "Windows");
/// assert_eq!(windows.preinstalled_software, "NA");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Platform {
    /// The code after `RunInstances:` (`0002`); empty for `RunInstances` alone (Linux/UNIX).
    pub code: &'static str,
    /// The platform as the EC2 User Guide names it: `Linux/UNIX`, `Windows with SQL Server
    /// Standard`, `Red Hat BYOL Linux`, ...
    pub name: &'static str,
    /// The Price List's `operatingSystem`: `Linux`, `Windows`, `RHEL`, `SUSE`,
    /// `Red Hat Enterprise Linux with HA`, `Ubuntu Pro`.
    pub os: &'static str,
    /// The Price List's `licenseModel`: `No License required` or `Bring your own license`.
    pub license_model: &'static str,
    /// The Price List's `preInstalledSw`: `NA`, `SQL Std`, `SQL Ent`, `SQL Web`.
    pub preinstalled_software: &'static str,
}

impl Platform {
    /// Whether the Price List prices this platform with no software and no licence of the
    /// user's own: the prices a catalogue holds.
    #[must_use]
    pub fn is_plain(&self) -> bool {
        self.preinstalled_software == "NA" && self.license_model == "No License required"
    }
}

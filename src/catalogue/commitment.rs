//! What customers commit to instead of paying on demand: Reserved Instances (standard or
//! convertible) and Savings Plans (Compute or EC2 Instance), for one or three years,
//! paid with no, part or all of it upfront.

use std::fmt;

use crate::ParseError;
use crate::error::{Expected, Keyword};
use crate::keyword::keyword_enum;

/// Hours in a year of a commitment's term: 8,760 (365 days), as AWS spreads an upfront
/// fee.
pub const HOURS_PER_YEAR: f64 = 8760.0;

keyword_enum! {
    /// The kind of a commitment.
    pub enum CommitmentKind("commitment kind") {
        /// A standard Reserved Instance: one instance type (size-flexible within its
        /// family for Linux), one region.
        ReservedStandard = "reserved-standard",
        /// A convertible Reserved Instance: exchangeable for another type.
        ReservedConvertible = "reserved-convertible",
        /// A Compute Savings Plan: any family, region and OS.
        ComputeSavingsPlan = "compute-savings-plan",
        /// An EC2 Instance Savings Plan: one family in one region.
        Ec2InstanceSavingsPlan = "ec2-instance-savings-plan",
    }
}

keyword_enum! {
    /// How a commitment is paid.
    pub enum Payment("payment option") {
        /// Nothing upfront: an hourly rate only.
        NoUpfront = "no-upfront",
        /// Part upfront, the rest hourly.
        PartialUpfront = "partial-upfront",
        /// All upfront (the hourly rate is 0).
        AllUpfront = "all-upfront",
    }
}

impl CommitmentKind {
    /// Whether it is a Savings Plan, whose rates are already hourly for every payment
    /// option (no upfront fee is listed with them).
    #[must_use]
    pub fn is_savings_plan(self) -> bool {
        matches!(
            self,
            Self::ComputeSavingsPlan | Self::Ec2InstanceSavingsPlan
        )
    }
}

impl CommitmentKind {
    /// The kind as AWS's offer files and cost reports write it: a Reserved term's
    /// offering class (`standard`, `convertible`) or a Savings Plan's family
    /// (`ComputeSavingsPlans`, `EC2InstanceSavingsPlans`); `None` for anything else.
    pub(crate) fn of_price_list(text: &str) -> Option<Self> {
        match text {
            "standard" => Some(Self::ReservedStandard),
            "convertible" => Some(Self::ReservedConvertible),
            "ComputeSavingsPlans" => Some(Self::ComputeSavingsPlan),
            "EC2InstanceSavingsPlans" => Some(Self::Ec2InstanceSavingsPlan),
            _ => None,
        }
    }
}

/// A term's years as the offer file and cost reports write them (`1yr`, `3yr`); `None`
/// for another term.
pub(crate) fn term_years_of_price_list(text: &str) -> Option<u8> {
    match text {
        "1yr" => Some(1),
        "3yr" => Some(3),
        _ => None,
    }
}

impl Payment {
    /// The option as the Price List and cost reports write it (`No Upfront`), if it is
    /// one of these.
    pub(crate) fn of_price_list(text: &str) -> Option<Self> {
        match text {
            "No Upfront" => Some(Self::NoUpfront),
            "Partial Upfront" => Some(Self::PartialUpfront),
            "All Upfront" => Some(Self::AllUpfront),
            _ => None,
        }
    }
}

/// A commitment: its kind, its term in years (1 or 3) and how it is paid. Written as
/// `ri-standard-1yr-all-upfront`, `ri-convertible-3yr-no-upfront`,
/// `sp-compute-1yr-no-upfront`, `sp-ec2-instance-3yr-partial-upfront`.
///
/// ```
/// use ec2_instance_type::catalogue::{Commitment, CommitmentKind, Payment};
///
/// let c: Commitment = "sp-compute-3yr-no-upfront".parse()?;
/// assert_eq!((c.kind, c.term_years, c.payment), (CommitmentKind::ComputeSavingsPlan, 3, Payment::NoUpfront));
/// assert_eq!(c.to_string(), "sp-compute-3yr-no-upfront");
/// let err = "ri-standart-1yr-all-upfront".parse::<Commitment>().unwrap_err();
/// assert_eq!(err.suggestion(), Some("ri-standard-1yr-all-upfront"));
/// # Ok::<(), ec2_instance_type::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub struct Commitment {
    /// Reserved (standard or convertible) or a Savings Plan (Compute or EC2 Instance).
    pub kind: CommitmentKind,
    /// The term: 1 or 3 years.
    pub term_years: u8,
    /// How it is paid.
    pub payment: Payment,
}

/// Every commitment's name, in [`Commitment::all`]'s order.
const NAMES: [&str; 24] = [
    "ri-standard-1yr-no-upfront",
    "ri-standard-1yr-partial-upfront",
    "ri-standard-1yr-all-upfront",
    "ri-standard-3yr-no-upfront",
    "ri-standard-3yr-partial-upfront",
    "ri-standard-3yr-all-upfront",
    "ri-convertible-1yr-no-upfront",
    "ri-convertible-1yr-partial-upfront",
    "ri-convertible-1yr-all-upfront",
    "ri-convertible-3yr-no-upfront",
    "ri-convertible-3yr-partial-upfront",
    "ri-convertible-3yr-all-upfront",
    "sp-compute-1yr-no-upfront",
    "sp-compute-1yr-partial-upfront",
    "sp-compute-1yr-all-upfront",
    "sp-compute-3yr-no-upfront",
    "sp-compute-3yr-partial-upfront",
    "sp-compute-3yr-all-upfront",
    "sp-ec2-instance-1yr-no-upfront",
    "sp-ec2-instance-1yr-partial-upfront",
    "sp-ec2-instance-1yr-all-upfront",
    "sp-ec2-instance-3yr-no-upfront",
    "sp-ec2-instance-3yr-partial-upfront",
    "sp-ec2-instance-3yr-all-upfront",
];

/// What a commitment's name is, for errors and suggestions.
static KEYWORD: Keyword = Keyword {
    what: "commitment",
    expected: Expected::OneOf(&NAMES),
};

impl Commitment {
    /// A commitment of `kind`, `term_years` (1 or 3; `None` for another term) and
    /// `payment`.
    #[must_use]
    pub fn new(kind: CommitmentKind, term_years: u8, payment: Payment) -> Option<Self> {
        matches!(term_years, 1 | 3).then_some(Self {
            kind,
            term_years,
            payment,
        })
    }

    /// Every commitment: each kind, term and payment option (24).
    pub fn all() -> impl ExactSizeIterator<Item = Commitment> + Clone {
        (0..NAMES.len()).map(Self::at)
    }

    /// The commitment at `i` of [`Commitment::all`].
    fn at(i: usize) -> Commitment {
        let kinds = [
            CommitmentKind::ReservedStandard,
            CommitmentKind::ReservedConvertible,
            CommitmentKind::ComputeSavingsPlan,
            CommitmentKind::Ec2InstanceSavingsPlan,
        ];
        let payments = [
            Payment::NoUpfront,
            Payment::PartialUpfront,
            Payment::AllUpfront,
        ];
        Commitment {
            kind: kinds[i / 6 % 4],
            term_years: if i % 6 < 3 { 1 } else { 3 },
            payment: payments[i % 3],
        }
    }

    /// The name: `sp-compute-3yr-no-upfront`.
    #[must_use]
    pub fn as_str(&self) -> &'static str {
        let kind = match self.kind {
            CommitmentKind::ReservedStandard => 0,
            CommitmentKind::ReservedConvertible => 1,
            CommitmentKind::ComputeSavingsPlan => 2,
            CommitmentKind::Ec2InstanceSavingsPlan => 3,
        };
        let term = usize::from(self.term_years == 3);
        let payment = match self.payment {
            Payment::NoUpfront => 0,
            Payment::PartialUpfront => 1,
            Payment::AllUpfront => 2,
        };
        NAMES[kind * 6 + term * 3 + payment]
    }

    /// The hours of the term: 8,760 a year.
    #[must_use]
    pub fn hours(&self) -> f64 {
        HOURS_PER_YEAR * f64::from(self.term_years)
    }
}

impl fmt::Display for Commitment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl std::str::FromStr for Commitment {
    type Err = ParseError;

    /// Parses a commitment's name as [`Commitment::as_str`] writes it.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        NAMES
            .iter()
            .position(|name| *name == s)
            .map(Self::at)
            .ok_or_else(|| ParseError::unknown_value(&KEYWORD, s))
    }
}

/// How hours are paid for, the choice every price of an answer is under: on demand (the
/// default), the Spot estimate, or a [`Commitment`]'s effective rate. Written
/// `on-demand`, `spot`, or a commitment's name (`sp-compute-3yr-no-upfront`).
///
/// ```
/// use ec2_instance_type::catalogue::Pricing;
///
/// assert_eq!("on-demand".parse::<Pricing>()?, Pricing::OnDemand);
/// let committed: Pricing = "ri-standard-1yr-all-upfront".parse()?;
/// assert_eq!(committed.to_string(), "ri-standard-1yr-all-upfront");
/// # Ok::<(), ec2_instance_type::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Pricing {
    /// On-demand prices.
    #[default]
    OnDemand,
    /// The Spot estimate (Linux, from the Spot Instance Advisor's savings): an estimate.
    Spot,
    /// A commitment's effective hourly rate, from AWS's files applied to the catalogue.
    Commitment(Commitment),
}

impl Pricing {
    /// The name: `on-demand`, `spot`, or the commitment's.
    #[must_use]
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::OnDemand => "on-demand",
            Self::Spot => "spot",
            Self::Commitment(c) => c.as_str(),
        }
    }
}

impl fmt::Display for Pricing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// Every pricing's name: `on-demand`, `spot`, then the commitments'.
static PRICINGS: [&str; 26] = {
    let mut all = [""; 26];
    all[0] = "on-demand";
    all[1] = "spot";
    let mut i = 0;
    while i < NAMES.len() {
        all[i + 2] = NAMES[i];
        i += 1;
    }
    all
};

/// What a pricing's name is, for errors and suggestions.
static PRICING_KEYWORD: Keyword = Keyword {
    what: "pricing",
    expected: Expected::OneOf(&PRICINGS),
};

impl std::str::FromStr for Pricing {
    type Err = ParseError;

    /// Parses `on-demand`, `spot` or a commitment's name.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "on-demand" => Ok(Self::OnDemand),
            "spot" => Ok(Self::Spot),
            _ => s
                .parse()
                .map(Self::Commitment)
                .map_err(|_| ParseError::unknown_value(&PRICING_KEYWORD, s)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Commitment, NAMES};

    #[test]
    fn every_name_reads_back() {
        for (commitment, name) in Commitment::all().zip(NAMES) {
            assert_eq!(commitment.as_str(), name);
            assert_eq!(name.parse::<Commitment>(), Ok(commitment));
            let prefix = if commitment.kind.is_savings_plan() {
                "sp-"
            } else {
                "ri-"
            };
            assert!(name.starts_with(prefix), "{name}");
        }
    }
}

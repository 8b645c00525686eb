//! What a bill line says was paid for its usage: its line item type and cost columns
//! (CUR 2.0's `line_item_line_item_type`, `line_item_usage_amount`,
//! `line_item_unblended_cost`, `reservation_effective_cost`,
//! `savings_plan_savings_plan_effective_cost`, and the legacy CUR's names of the same),
//! read into how the hours were covered and the effective rate paid for them.

#[cfg(feature = "catalogue")]
use crate::catalogue::{Commitment, CommitmentKind, Payment, term_years_of_price_list};
use crate::keyword::keyword_enum;

keyword_enum! {
    /// How a line's hours were paid for.
    pub enum Coverage("coverage") {
        /// At the on-demand price (`Usage` lines).
        OnDemand = "on-demand",
        /// By a Reserved Instance (`DiscountedUsage` lines).
        Reserved = "reserved",
        /// By a Savings Plan (`SavingsPlanCoveredUsage` lines).
        SavingsPlan = "savings-plan",
        /// On the Spot market (`Usage` lines of `SpotUsage`).
        Spot = "spot",
    }
}

#[cfg(feature = "catalogue")]
impl Coverage {
    /// The commitment that covered a line, as its cost report names it: `plan` the
    /// reservation's offering class (`standard`, `convertible`: CUR 2.0's
    /// `pricing_offering_class`, the legacy `pricing/OfferingClass`) or the Savings Plan's
    /// type (`ComputeSavingsPlans`, `EC2InstanceSavingsPlans`:
    /// `savings_plan_offering_type`, `savingsPlan/OfferingType`), `term` `1yr` or `3yr`
    /// (`pricing_lease_contract_length`, `savings_plan_purchase_term`) and `payment`
    /// `No Upfront`, `Partial Upfront` or `All Upfront` (`pricing_purchase_option`,
    /// `savings_plan_payment_option`). `None` for on-demand and Spot hours, or a value
    /// these are not.
    ///
    /// ```
    /// use ec2_instance_type::usage::Coverage;
    ///
    /// let plan = Coverage::SavingsPlan.commitment("ComputeSavingsPlans", "3yr", "No Upfront");
    /// assert_eq!(plan.unwrap().to_string(), "sp-compute-3yr-no-upfront");
    /// let ri = Coverage::Reserved.commitment("convertible", "1yr", "All Upfront");
    /// assert_eq!(ri.unwrap().to_string(), "ri-convertible-1yr-all-upfront");
    /// assert_eq!(Coverage::OnDemand.commitment("standard", "1yr", "No Upfront"), None);
    /// ```
    #[must_use]
    #[cfg_attr(docsrs, doc(cfg(feature = "catalogue")))]
    pub fn commitment(self, plan: &str, term: &str, payment: &str) -> Option<Commitment> {
        let kind = CommitmentKind::of_price_list(plan)?;
        let covers = match self {
            Self::Reserved => !kind.is_savings_plan(),
            Self::SavingsPlan => kind.is_savings_plan(),
            Self::OnDemand | Self::Spot => false,
        };
        if !covers {
            return None;
        }
        let years = term_years_of_price_list(term)?;
        Commitment::new(kind, years, Payment::of_price_list(payment)?)
    }
}

/// The cost columns of one line, as a report gives them; `None` where the report has no
/// such column or the cell is empty.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct LineCosts<'a> {
    /// `line_item_line_item_type`: `Usage`, `DiscountedUsage`,
    /// `SavingsPlanCoveredUsage`, `RIFee`, `SavingsPlanNegation`, `Tax`, ...
    pub line_item_type: Option<&'a str>,
    /// `line_item_usage_amount`: hours, for an instance line.
    pub usage_amount: Option<f64>,
    /// `line_item_unblended_cost`.
    pub unblended_cost: Option<f64>,
    /// `reservation_effective_cost`: a `DiscountedUsage` line's share of its Reserved
    /// Instance (its upfront fee amortized and its recurring fee).
    pub reservation_effective_cost: Option<f64>,
    /// `savings_plan_savings_plan_effective_cost`: a `SavingsPlanCoveredUsage` line's share
    /// of its Savings Plan's commitment.
    pub savings_plan_effective_cost: Option<f64>,
}

/// The columns of a FOCUS export's line that say how it was charged (FOCUS 1.0 and 1.2,
/// as AWS's exports fill them): read into the Cost and Usage Report's line item type the
/// line stands for, so that a FOCUS line's costs go through [`LineCosts::paid`] as a
/// CUR's do (its `ConsumedQuantity` the hours, its `EffectiveCost` the cost).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FocusCharge<'a> {
    /// `ChargeCategory`: `Usage`, `Purchase`, `Tax`, `Credit`, `Adjustment`.
    pub charge_category: Option<&'a str>,
    /// `PricingCategory`: `Standard` (on demand), `Committed`, `Dynamic` (Spot), `Other`.
    pub pricing_category: Option<&'a str>,
    /// `CommitmentDiscountStatus`: `Used`, or `Unused` for a commitment's unused part.
    pub commitment_discount_status: Option<&'a str>,
    /// `CommitmentDiscountId`: the ARN of the Reserved Instance
    /// (`arn:aws:ec2:...:reserved-instances/...`) or Savings Plan
    /// (`arn:aws:savingsplans::...:savingsplan/...`) that covered the line.
    pub commitment_discount_id: Option<&'a str>,
    /// `CommitmentDiscountType`: `Reserved Instances (RI)`, `Savings Plan`, ...
    pub commitment_discount_type: Option<&'a str>,
}

impl FocusCharge<'_> {
    /// The CUR line item type the charge stands for: `Usage` for usage priced on demand
    /// (`Standard`) or on the Spot market (`Dynamic`), `DiscountedUsage` for usage a
    /// Reserved Instance covered, `SavingsPlanCoveredUsage` for usage a Savings Plan did
    /// (told apart by the commitment's ARN, or else its type); `None` for every other
    /// charge (purchases, tax, credits, a commitment's unused part) or a commitment of
    /// neither kind.
    ///
    /// ```
    /// use ec2_instance_type::usage::FocusCharge;
    ///
    /// let covered = FocusCharge {
    ///     charge_category: Some("Usage"),
    ///     pricing_category: Some("Committed"),
    ///     commitment_discount_status: Some("Used"),
    ///     commitment_discount_id: Some("arn:aws:savingsplans::123456789012:savingsplan/abcd"),
    ///     ..FocusCharge::default()
    /// };
    /// assert_eq!(covered.line_item_type(), Some("SavingsPlanCoveredUsage"));
    /// let fee = FocusCharge { charge_category: Some("Purchase"), ..covered };
    /// assert_eq!(fee.line_item_type(), None);
    /// ```
    #[must_use]
    pub fn line_item_type(&self) -> Option<&'static str> {
        if self.charge_category != Some("Usage")
            || self.commitment_discount_status == Some("Unused")
        {
            return None;
        }
        match self.pricing_category? {
            "Standard" | "Dynamic" => Some("Usage"),
            "Committed" => {
                let id = self.commitment_discount_id.unwrap_or_default();
                let kind = self.commitment_discount_type.unwrap_or_default();
                if id.contains(":reserved-instances/") || kind.starts_with("Reserved") {
                    Some("DiscountedUsage")
                } else if id.contains(":savingsplan/") || kind.starts_with("Savings Plan") {
                    Some("SavingsPlanCoveredUsage")
                } else {
                    None
                }
            }
            _ => None,
        }
    }
}

/// How a line's hours were covered and what an hour cost.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
#[non_exhaustive]
pub struct Paid {
    /// How the hours were paid for; `None` for a line that is not usage (a fee, a
    /// negation, tax) or whose type the report does not give.
    pub coverage: Option<Coverage>,
    /// The effective USD per hour: the cost of the coverage divided by the hours; `None`
    /// without both, or for no hours.
    pub effective_usd_per_hour: Option<f64>,
}

impl LineCosts<'_> {
    /// What the line paid, `spot` saying whether its usage type is Spot usage. The cost
    /// is the coverage's own column: `Usage` the unblended cost, `DiscountedUsage` the
    /// reservation's effective cost, `SavingsPlanCoveredUsage` the plan's (whose
    /// unblended cost is the on-demand price the plan negates).
    ///
    /// ```
    /// use ec2_instance_type::usage::{Coverage, LineCosts};
    ///
    /// let covered = LineCosts {
    ///     line_item_type: Some("SavingsPlanCoveredUsage"),
    ///     usage_amount: Some(10.0),
    ///     unblended_cost: Some(0.96),
    ///     savings_plan_effective_cost: Some(0.61),
    ///     ..LineCosts::default()
    /// };
    /// let paid = covered.paid(false);
    /// assert_eq!(paid.coverage, Some(Coverage::SavingsPlan));
    /// assert!((paid.effective_usd_per_hour.unwrap() - 0.061).abs() < 1e-12);
    /// ```
    #[must_use]
    pub fn paid(&self, spot: bool) -> Paid {
        let (coverage, cost) = match self.line_item_type {
            Some("Usage") if spot => (Coverage::Spot, self.unblended_cost),
            Some("Usage") => (Coverage::OnDemand, self.unblended_cost),
            Some("DiscountedUsage") => (Coverage::Reserved, self.reservation_effective_cost),
            Some("SavingsPlanCoveredUsage") => {
                (Coverage::SavingsPlan, self.savings_plan_effective_cost)
            }
            _ => return Paid::default(),
        };
        let hours = self.usage_amount.filter(|h| h.is_finite() && *h > 0.0);
        Paid {
            coverage: Some(coverage),
            effective_usd_per_hour: cost
                .filter(|c| c.is_finite())
                .zip(hours)
                .map(|(cost, hours)| cost / hours),
        }
    }
}

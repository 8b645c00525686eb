//! The rules of a Savings Plans rate, for both forms of AWS's Savings Plans files
//! (`savingsPlan/v1.0/aws/AWSComputeSavingsPlan/.../REGION/index.csv` and `index.json`):
//! each rate discounts one EC2 usage type and operation (`APE2-BoxUsage:r7g.medium`,
//! `RunInstances:0010`), which name the type, tenancy and operating system.

use super::reserved::TakenRate;
use super::{Place, Taking};
use crate::billing::Operation;
use crate::catalogue::Tenancy;
use crate::catalogue::commitment::{Commitment, CommitmentKind, Payment};
use crate::catalogue::data_error::DataErrorKind;
use crate::{InstanceType, Region};

/// The fields of one rate, as both forms name them.
pub(super) struct SavingsPlanRate<'a> {
    /// `ComputeSavingsPlans`, `EC2InstanceSavingsPlans` (others: SageMaker, Database).
    pub(super) family: &'a str,
    /// `No Upfront`, `Partial Upfront`, `All Upfront`.
    pub(super) purchase: &'a str,
    /// The term's length and its unit (`3`, `year`).
    pub(super) lease: &'a str,
    pub(super) lease_unit: &'a str,
    /// The discounted product's service (`AmazonEC2`, `AWSLambda`, `AmazonECS`).
    pub(super) service: &'a str,
    pub(super) usage_type: &'a str,
    pub(super) operation: &'a str,
    pub(super) unit: &'a str,
    pub(super) rate: &'a str,
    pub(super) currency: &'a str,
    pub(super) region_code: &'a str,
    /// The discounted instance type; empty in files that do not give it.
    pub(super) instance_type: &'a str,
}

/// An error of a rate's field.
fn invalid(message: String) -> (DataErrorKind, String) {
    (DataErrorKind::InvalidValue, message)
}

impl SavingsPlanRate<'_> {
    /// The commitment of the rate's plan; `None` for a plan of another service.
    fn commitment(&self) -> Result<Option<Commitment>, (DataErrorKind, String)> {
        let Some(kind) = CommitmentKind::of_price_list(self.family).filter(|k| k.is_savings_plan())
        else {
            return Ok(None);
        };
        let payment = Payment::of_price_list(self.purchase).ok_or_else(|| {
            invalid(format!(
                "PurchaseOption '{}', expected No Upfront, Partial Upfront or All Upfront",
                self.purchase
            ))
        })?;
        let years = match (self.lease, self.lease_unit) {
            ("1", "year") => 1,
            ("3", "year") => 3,
            (lease, unit) => {
                return Err(invalid(format!(
                    "LeaseContractLength '{lease} {unit}', expected 1 or 3 year"
                )));
            }
        };
        Ok(Commitment::new(kind, years, payment))
    }

    /// The tenancy and type the usage type names: `BoxUsage` (shared) and
    /// `DedicatedUsage` only; `None` for unused reservations, hosts and the rest.
    fn usage(&self) -> Option<(Tenancy, &str)> {
        let (kind, name) = self.usage_type.split_once(':')?;
        let kind = kind.rsplit_once('-').map_or(kind, |(_, kind)| kind);
        let tenancy = match kind {
            "BoxUsage" => Tenancy::Shared,
            "DedicatedUsage" => Tenancy::Dedicated,
            _ => return None,
        };
        let name = if self.instance_type.is_empty() {
            name
        } else {
            self.instance_type
        };
        Some((tenancy, name))
    }

    /// Takes the rate into `taking` by the rules: EC2 instance hours (`BoxUsage`,
    /// `DedicatedUsage`) of a platform the Price List prices plainly (no SQL Server, no
    /// licence of the user's own), in USD per `Hrs`; the rate is already the effective
    /// hourly rate whatever the payment option. Rates of other services, usage and
    /// platforms are left alone; a place this version does not know is counted.
    pub(super) fn take(&self, taking: &mut Taking) -> Result<(), (DataErrorKind, String)> {
        let Some(commitment) = self.commitment()? else {
            return Ok(());
        };
        if self.service != "AmazonEC2" || self.unit != "Hrs" {
            return Ok(());
        }
        let Some((tenancy, name)) = self.usage() else {
            return Ok(());
        };
        let Some(platform) = Operation::parse(self.operation).platform() else {
            return Ok(());
        };
        if !platform.is_plain() {
            return Ok(());
        }
        if self.currency != "USD" {
            return Err(invalid(format!("currency '{}' is not USD", self.currency)));
        }
        let rate = self
            .rate
            .parse::<f64>()
            .ok()
            .filter(|p| p.is_finite() && *p >= 0.0)
            .ok_or_else(|| invalid(format!("rate '{}' is not a number", self.rate)))?;
        InstanceType::parse(name)
            .map_err(|e| (DataErrorKind::InvalidName, format!("'{name}': {e}")))?;
        if self.region_code.is_empty() {
            return Err((
                DataErrorKind::MissingField,
                format!("no DiscountedRegionCode for {}", self.usage_type),
            ));
        }
        let Some(region) = Region::parse(self.region_code)
            .ok()
            .filter(Region::is_known)
        else {
            taking.report.unknown_places += 1;
            return Ok(());
        };
        taking.rates.push(TakenRate {
            place: Place {
                name: name.to_owned(),
                region,
                os: platform.os.to_owned(),
                tenancy,
            },
            commitment,
            hourly_usd: rate,
            upfront_usd: None,
        });
        Ok(())
    }
}

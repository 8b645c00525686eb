//! A FOCUS export's charge columns read into the Cost and Usage Report line item types
//! they stand for (`usage::FocusCharge`), so that a FOCUS export's costs go through
//! [`BillCosts`](crate::BillCosts) as a CUR's do.

use arrow_array::{Array, StringArray};
use ec2_instance_type::usage::FocusCharge;

use crate::Error;
use crate::strings::Strings;

/// A FOCUS export's charge columns, each where the export has it (strings): the FOCUS
/// specification's `ChargeCategory`, `PricingCategory`, `CommitmentDiscountStatus`,
/// `CommitmentDiscountId` and `CommitmentDiscountType`.
#[derive(Clone, Copy, Default)]
pub struct FocusCharges<'a> {
    /// `ChargeCategory`: `Usage`, `Purchase`, `Tax`, `Credit`, `Adjustment`.
    pub charge_categories: Option<&'a dyn Array>,
    /// `PricingCategory`: `Standard`, `Committed`, `Dynamic`, `Other`.
    pub pricing_categories: Option<&'a dyn Array>,
    /// `CommitmentDiscountStatus`: `Used`, `Unused`.
    pub commitment_discount_statuses: Option<&'a dyn Array>,
    /// `CommitmentDiscountId`: the Reserved Instance's or Savings Plan's ARN.
    pub commitment_discount_ids: Option<&'a dyn Array>,
    /// `CommitmentDiscountType`.
    pub commitment_discount_types: Option<&'a dyn Array>,
}

/// The CUR line item type each FOCUS row stands for (`FocusCharge::line_item_type`):
/// `Usage`, `DiscountedUsage`, `SavingsPlanCoveredUsage`, or null; give it as
/// [`BillCosts::line_item_types`](crate::BillCosts::line_item_types), with
/// `ConsumedQuantity` as the usage amounts and `EffectiveCost` as every cost.
///
/// ```
/// use arrow_array::{Array, StringArray};
/// use ec2_instance_type_arrow::{FocusCharges, focus_line_item_types};
///
/// let charge = StringArray::from(vec!["Usage", "Usage", "Purchase"]);
/// let pricing = StringArray::from(vec!["Standard", "Committed", "Committed"]);
/// let ids = StringArray::from(vec![None, Some("arn:aws:savingsplans::1:savingsplan/a"), None]);
/// let types = focus_line_item_types(&FocusCharges {
///     charge_categories: Some(&charge),
///     pricing_categories: Some(&pricing),
///     commitment_discount_ids: Some(&ids),
///     ..FocusCharges::default()
/// })?;
/// assert_eq!(types.value(0), "Usage");
/// assert_eq!(types.value(1), "SavingsPlanCoveredUsage");
/// assert!(types.is_null(2));
/// # Ok::<(), ec2_instance_type_arrow::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::UnsupportedType`] for a column that is not strings,
/// [`Error::LengthMismatch`] for columns of different lengths.
pub fn focus_line_item_types(charges: &FocusCharges<'_>) -> Result<StringArray, Error> {
    let columns = [
        ("charge_categories", charges.charge_categories),
        ("pricing_categories", charges.pricing_categories),
        (
            "commitment_discount_statuses",
            charges.commitment_discount_statuses,
        ),
        ("commitment_discount_ids", charges.commitment_discount_ids),
        (
            "commitment_discount_types",
            charges.commitment_discount_types,
        ),
    ];
    let rows = columns
        .iter()
        .find_map(|(_, c)| c.map(Array::len))
        .unwrap_or_default();
    let mut strings = Vec::with_capacity(columns.len());
    for (argument, column) in columns {
        let Some(column) = column else {
            strings.push(None);
            continue;
        };
        if column.len() != rows {
            return Err(Error::LengthMismatch {
                argument,
                values: rows,
                rows: column.len(),
            });
        }
        strings.push(Some(Strings::of(column, argument)?));
    }
    let cell = |i: usize, row: usize| strings[i].as_ref().and_then(|s| s.get(row));
    Ok((0..rows)
        .map(|row| {
            FocusCharge {
                charge_category: cell(0, row),
                pricing_category: cell(1, row),
                commitment_discount_status: cell(2, row),
                commitment_discount_id: cell(3, row),
                commitment_discount_type: cell(4, row),
            }
            .line_item_type()
        })
        .collect())
}

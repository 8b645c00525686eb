//! What each row of a report paid: its line item type and cost columns read into the
//! `line_item_type`, `coverage` and `effective_usd_per_hour` fields of the bill line
//! struct, by the library's rule (`BillLine::paid_rule`, `LineCosts::paid`).

use std::sync::Arc;

use arrow_array::builder::{Float64Builder, Int8Builder, StringBuilder};
use arrow_array::cast::AsArray;
use arrow_array::types::{Decimal128Type, Float32Type, Float64Type, Int32Type, Int64Type};
use arrow_array::{Array, ArrayRef, StructArray};
use arrow_buffer::NullBufferBuilder;
use arrow_schema::{DataType, Field, Fields};
use ec2_instance_type::catalogue::Catalogue;
use ec2_instance_type::usage::{BillLine, LineCosts};

use crate::Error;
use crate::rows::{Columns, decode_rows};
use crate::strings::Strings;

/// A report's cost columns beside its usage types, each where the report has it: CUR
/// 2.0's `line_item_line_item_type`, `line_item_usage_amount`, `line_item_unblended_cost`,
/// `reservation_effective_cost`, `savings_plan_savings_plan_effective_cost` (or the
/// legacy CUR's). The amounts may be floats, integers, decimals or their text.
#[derive(Clone, Copy, Default)]
pub struct BillCosts<'a> {
    /// The line item types (strings).
    pub line_item_types: Option<&'a dyn Array>,
    /// The usage amounts: hours, for an instance line.
    pub usage_amounts: Option<&'a dyn Array>,
    /// The unblended costs.
    pub unblended_costs: Option<&'a dyn Array>,
    /// The reservations' effective costs.
    pub reservation_effective_costs: Option<&'a dyn Array>,
    /// The Savings Plans' effective costs.
    pub savings_plan_effective_costs: Option<&'a dyn Array>,
}

/// The names of the three fields what a row paid fills, in the struct's order.
pub const PAID_FIELDS: [&str; 3] = ["line_item_type", "coverage", "effective_usd_per_hour"];

/// A column of numbers, whatever its Arrow type.
enum Numbers<'a> {
    Float(Vec<Option<f64>>),
    Text(Strings<'a>),
}

impl<'a> Numbers<'a> {
    fn of(array: &'a dyn Array, argument: &'static str) -> Result<Self, Error> {
        let floats = |values: Vec<Option<f64>>| Ok(Numbers::Float(values));
        match array.data_type() {
            DataType::Float64 => floats(array.as_primitive::<Float64Type>().iter().collect()),
            DataType::Float32 => floats(
                array
                    .as_primitive::<Float32Type>()
                    .iter()
                    .map(|v| v.map(f64::from))
                    .collect(),
            ),
            DataType::Int64 => floats(
                array
                    .as_primitive::<Int64Type>()
                    .iter()
                    .map(|v| v.map(|v| v as f64))
                    .collect(),
            ),
            DataType::Int32 => floats(
                array
                    .as_primitive::<Int32Type>()
                    .iter()
                    .map(|v| v.map(f64::from))
                    .collect(),
            ),
            DataType::Decimal128(_, scale) => {
                let divisor = 10f64.powi(i32::from(*scale));
                floats(
                    array
                        .as_primitive::<Decimal128Type>()
                        .iter()
                        .map(|v| v.map(|v| v as f64 / divisor))
                        .collect(),
                )
            }
            _ => Strings::of(array, argument).map(Numbers::Text),
        }
    }

    fn get(&self, row: usize) -> Option<f64> {
        match self {
            Numbers::Float(values) => values.get(row).copied().flatten(),
            Numbers::Text(strings) => strings.get(row)?.trim().parse().ok(),
        }
    }
}

/// Each distinct line's paid rule (`BillLine::paid_rule`) as a one-field struct: null for
/// no rule, 0 for instance hours, 1 for Spot hours.
struct PaidRules<'c> {
    catalogue: &'c Catalogue,
    rules: Int8Builder,
    nulls: NullBufferBuilder,
}

impl Columns for PaidRules<'_> {
    fn append(&mut self, text: &str, [product, operation]: [Option<&str>; 2]) {
        self.nulls.append_non_null();
        let line = BillLine::decode(text, product, operation, self.catalogue);
        self.rules.append_option(line.paid_rule().map(i8::from));
    }

    fn append_null(&mut self) {
        self.nulls.append_null();
        self.rules.append_null();
    }

    fn finish(mut self) -> StructArray {
        let field = Field::new("paid_rule", DataType::Int8, true);
        StructArray::new(
            Fields::from(vec![field]),
            vec![Arc::new(self.rules.finish()) as ArrayRef],
            self.nulls.finish(),
        )
    }
}

/// A cost column's numbers, checked to have `rows` rows; `None` without the column.
fn numbers<'a>(
    array: Option<&'a dyn Array>,
    argument: &'static str,
    rows: usize,
) -> Result<Option<Numbers<'a>>, Error> {
    let Some(array) = array else { return Ok(None) };
    if array.len() != rows {
        return Err(Error::LengthMismatch {
            argument,
            values: rows,
            rows: array.len(),
        });
    }
    Numbers::of(array, argument).map(Some)
}

/// The three paid columns of `rows` rows ([`PAID_FIELDS`]), each row's from its costs
/// and its line's paid rule.
pub(crate) fn paid_columns(
    values: &Strings<'_>,
    beside: &crate::rows::Beside<'_>,
    costs: &BillCosts<'_>,
    catalogue: &Catalogue,
) -> Result<[ArrayRef; 3], Error> {
    let rows = values.len();
    let rules = PaidRules {
        catalogue,
        rules: Int8Builder::with_capacity(rows),
        nulls: NullBufferBuilder::new(rows),
    };
    let rules = decode_rows(rules, values, beside)?.gather();
    let rules = rules
        .column(0)
        .as_primitive::<arrow_array::types::Int8Type>();
    let kinds = match costs.line_item_types {
        Some(array) if array.len() != rows => {
            return Err(Error::LengthMismatch {
                argument: "line item types",
                values: rows,
                rows: array.len(),
            });
        }
        Some(array) => Some(Strings::of(array, "line_item_types")?),
        None => None,
    };
    let amounts = numbers(costs.usage_amounts, "usage amounts", rows)?;
    let unblended = numbers(costs.unblended_costs, "unblended costs", rows)?;
    let reservation = numbers(
        costs.reservation_effective_costs,
        "reservation effective costs",
        rows,
    )?;
    let plan = numbers(
        costs.savings_plan_effective_costs,
        "savings plan effective costs",
        rows,
    )?;
    let at = |column: &Option<Numbers<'_>>, row| column.as_ref().and_then(|c| c.get(row));
    let mut types = StringBuilder::with_capacity(rows, rows * 8);
    let mut coverage = StringBuilder::with_capacity(rows, rows * 8);
    let mut effective = Float64Builder::with_capacity(rows);
    for row in 0..rows {
        let line_costs = LineCosts {
            line_item_type: kinds.as_ref().and_then(|k| k.get(row)),
            usage_amount: at(&amounts, row),
            unblended_cost: at(&unblended, row),
            reservation_effective_cost: at(&reservation, row),
            savings_plan_effective_cost: at(&plan, row),
        };
        types.append_option(line_costs.line_item_type);
        let rule = (!rules.is_null(row)).then(|| rules.value(row) == 1);
        let paid = rule.map(|spot| line_costs.paid(spot)).unwrap_or_default();
        coverage.append_option(paid.coverage.map(|c| c.as_str()));
        effective.append_option(paid.effective_usd_per_hour);
    }
    Ok([
        Arc::new(types.finish()),
        Arc::new(coverage.finish()),
        Arc::new(effective.finish()),
    ])
}

/// `decoded` (a struct of [`crate::usage_type_fields`]) with its three paid fields
/// replaced by `paid`.
pub(crate) fn with_paid(decoded: StructArray, paid: [ArrayRef; 3]) -> StructArray {
    let (fields, mut columns, nulls) = decoded.into_parts();
    for (name, column) in PAID_FIELDS.iter().zip(paid) {
        if let Some(i) = fields.iter().position(|f| f.name() == name) {
            columns[i] = column;
        }
    }
    StructArray::new(fields, columns, nulls)
}

#[cfg(test)]
mod tests {
    use arrow_array::cast::AsArray;
    use arrow_array::types::Float64Type;
    use arrow_array::{Decimal128Array, StringArray};
    use ec2_instance_type::catalogue::Catalogue;

    use crate::{BillCosts, Error, decode_bill_lines_with_costs};

    /// Amounts as text (a CSV read without types) and as decimals (Athena's) read the same.
    #[test]
    fn amounts_of_any_numeric_form() {
        let usage = StringArray::from(vec!["BoxUsage:c5.large", "BoxUsage:c5.large"]);
        let types = StringArray::from(vec!["SavingsPlanCoveredUsage", "Usage"]);
        let hours = StringArray::from(vec!["10", " 5 "]);
        let plan = Decimal128Array::from(vec![Some(590), None])
            .with_precision_and_scale(10, 3)
            .unwrap();
        let unblended = StringArray::from(vec![Some("0.85"), Some("0.425")]);
        let costs = BillCosts {
            line_item_types: Some(&types),
            usage_amounts: Some(&hours),
            unblended_costs: Some(&unblended),
            savings_plan_effective_costs: Some(&plan),
            ..BillCosts::default()
        };
        let lines =
            decode_bill_lines_with_costs(&usage, None, None, &costs, Catalogue::bundled()).unwrap();
        let rate = lines
            .column_by_name("effective_usd_per_hour")
            .unwrap()
            .as_primitive::<Float64Type>();
        assert!((rate.value(0) - 0.059).abs() < 1e-12);
        assert!((rate.value(1) - 0.085).abs() < 1e-12);
        let short = StringArray::from(vec!["Usage"]);
        let costs = BillCosts {
            line_item_types: Some(&short),
            ..BillCosts::default()
        };
        let err = decode_bill_lines_with_costs(&usage, None, None, &costs, Catalogue::bundled())
            .unwrap_err();
        assert!(matches!(err, Error::LengthMismatch { .. }), "{err}");
    }
}

//! Which columns of a bill hold the usage type, the product code and the operation: named
//! by the user, or found by the names AWS's exports give them; and whether the usage-type
//! column holds usage types at all. Every input form (CSV, gzip CSV, Parquet) asks here.

use std::io;

use ec2_instance_type::catalogue::{Catalogue, Commitment};
use ec2_instance_type::usage::{
    Coverage, FocusCharge, LineCosts, UsageErrorKind, UsageType, UsageWarning,
};

/// The names each column has in AWS's exports, in the order they are looked for.
const USAGE_TYPE_NAMES: &[(&str, &str)] = &[
    ("line_item_usage_type", "CUR 2.0"),
    ("lineItem/UsageType", "legacy CUR"),
    ("x_UsageType", "FOCUS 1.0 with AWS columns"),
    ("SkuMeter", "FOCUS 1.2 with AWS columns"),
    ("product_usagetype", "CUR 2.0 product column"),
    ("usageType", "price list"),
];
const PRODUCT_NAMES: &[(&str, &str)] = &[
    ("line_item_product_code", "CUR 2.0"),
    ("lineItem/ProductCode", "legacy CUR"),
    ("x_ServiceCode", "FOCUS"),
    ("serviceCode", "price list"),
];
const OPERATION_NAMES: &[(&str, &str)] = &[
    ("line_item_operation", "CUR 2.0"),
    ("lineItem/Operation", "legacy CUR"),
    ("x_Operation", "FOCUS"),
    ("operation", "price list"),
];

/// The cost columns of each export, found by their names (none is required): the line
/// item type, the hours, and each coverage's cost. FOCUS exports have no line item type:
/// their charge columns ([`FOCUS_CHARGE_NAMES`]) say it, `ConsumedQuantity` gives the
/// hours and `EffectiveCost` the cost of every coverage.
const LINE_ITEM_TYPE_NAMES: &[(&str, &str)] = &[
    ("line_item_line_item_type", "CUR 2.0"),
    ("lineItem/LineItemType", "legacy CUR"),
];
const USAGE_AMOUNT_NAMES: &[(&str, &str)] = &[
    ("line_item_usage_amount", "CUR 2.0"),
    ("lineItem/UsageAmount", "legacy CUR"),
    ("ConsumedQuantity", "FOCUS"),
];
const UNBLENDED_COST_NAMES: &[(&str, &str)] = &[
    ("line_item_unblended_cost", "CUR 2.0"),
    ("lineItem/UnblendedCost", "legacy CUR"),
    ("EffectiveCost", "FOCUS"),
];
const RESERVATION_COST_NAMES: &[(&str, &str)] = &[
    ("reservation_effective_cost", "CUR 2.0"),
    ("reservation/EffectiveCost", "legacy CUR"),
    ("EffectiveCost", "FOCUS"),
];
const SAVINGS_PLAN_COST_NAMES: &[(&str, &str)] = &[
    ("savings_plan_savings_plan_effective_cost", "CUR 2.0"),
    ("savingsPlan/SavingsPlanEffectiveCost", "legacy CUR"),
    ("EffectiveCost", "FOCUS"),
];

/// The FOCUS columns that say how a line was charged, in [`FocusCharge`]'s order (the
/// FOCUS specification's names, as AWS's FOCUS 1.0 and 1.2 exports write them);
/// `ChargeCategory` and `PricingCategory` are needed, the others read where present.
const FOCUS_CHARGE_NAMES: [&str; 5] = [
    "ChargeCategory",
    "PricingCategory",
    "CommitmentDiscountStatus",
    "CommitmentDiscountId",
    "CommitmentDiscountType",
];

/// The columns naming the commitment that covered a line (none is required): a
/// reservation's offering class, term and purchase option, a Savings Plan's type, term and
/// payment option (AWS's CUR 2.0 table dictionary and the legacy CUR's data dictionary).
const COMMITMENT_NAMES: [(&str, &[(&str, &str)]); 6] = [
    (
        "reservation offering class",
        &[
            ("pricing_offering_class", "CUR 2.0"),
            ("pricing/OfferingClass", "legacy CUR"),
        ],
    ),
    (
        "reservation term",
        &[
            ("pricing_lease_contract_length", "CUR 2.0"),
            ("pricing/LeaseContractLength", "legacy CUR"),
        ],
    ),
    (
        "reservation purchase option",
        &[
            ("pricing_purchase_option", "CUR 2.0"),
            ("pricing/PurchaseOption", "legacy CUR"),
        ],
    ),
    (
        "Savings Plan type",
        &[
            ("savings_plan_offering_type", "CUR 2.0"),
            ("savingsPlan/OfferingType", "legacy CUR"),
        ],
    ),
    (
        "Savings Plan term",
        &[
            ("savings_plan_purchase_term", "CUR 2.0"),
            ("savingsPlan/PurchaseTerm", "legacy CUR"),
        ],
    ),
    (
        "Savings Plan payment option",
        &[
            ("savings_plan_payment_option", "CUR 2.0"),
            ("savingsPlan/PaymentOption", "legacy CUR"),
        ],
    ),
];

/// Where a report names the commitment that covered a line (index and name of each
/// column, where it has one), in [`COMMITMENT_NAMES`]' order: a reservation's class,
/// term and purchase option, then a Savings Plan's type, term and payment option.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommitmentColumns(pub [Option<(usize, String)>; 6]);

impl CommitmentColumns {
    /// Finds them in `header`.
    pub fn find(header: &[&str]) -> io::Result<Self> {
        let mut found = Self::default();
        for (slot, (what, known)) in found.0.iter_mut().zip(COMMITMENT_NAMES) {
            *slot = find_one(header, None, known, what, false)?;
        }
        Ok(found)
    }

    /// The indexes of the columns found.
    pub fn indexes(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().flatten().map(|(i, _)| *i)
    }

    /// The commitment that covered a line of `coverage`, `cell` giving a column's text.
    pub fn of<'r>(
        &self,
        coverage: Coverage,
        cell: impl Fn(usize) -> Option<&'r str>,
    ) -> Option<Commitment> {
        let columns = match coverage {
            Coverage::Reserved => &self.0[..3],
            Coverage::SavingsPlan => &self.0[3..],
            _ => return None,
        };
        let text = |at: &Option<(usize, String)>| at.as_ref().and_then(|(i, _)| cell(*i));
        coverage.commitment(text(&columns[0])?, text(&columns[1])?, text(&columns[2])?)
    }
}

/// How many non-empty values of the usage-type column are looked at before decoding.
pub const SAMPLED_VALUES: usize = 1000;

/// What the user said of a table's columns.
#[derive(Clone, Copy)]
pub struct Columns<'a> {
    /// The catalogue the lines are answered from.
    pub catalogue: &'a Catalogue,
    /// The usage-type column's name; `None`: found by its known names.
    pub usage_type: Option<&'a str>,
    /// The product-code column's name; `None`: found by its known names, if any.
    pub product: Option<&'a str>,
    /// One product code for every record, if given.
    pub fixed_product: Option<&'a str>,
    /// The operation column's name; `None`: found by its known names, if any.
    pub operation: Option<&'a str>,
    /// One operation for every record, if given.
    pub fixed_operation: Option<&'a str>,
    /// Decode the usage-type column even when its values do not look like usage types.
    pub force: bool,
}

impl<'a> Columns<'a> {
    /// Every column found by the names AWS's exports give it; nothing fixed.
    pub fn found_by_name(catalogue: &'a Catalogue) -> Self {
        Self {
            catalogue,
            usage_type: None,
            product: None,
            fixed_product: None,
            operation: None,
            fixed_operation: None,
            force: false,
        }
    }
}

/// Where the columns are in a header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The usage-type column's index and name.
    pub usage_type: (usize, String),
    /// The product-code column's, if any (none when one code is given for all).
    pub product: Option<(usize, String)>,
    /// The operation column's, if any (none when one operation is given for all).
    pub operation: Option<(usize, String)>,
    /// The cost columns', where the report has them.
    pub costs: CostColumns,
}

impl Found {
    /// The indexes of every column the decoding reads: the usage type's, the product
    /// code's and the operation's where found, and the cost columns' where the report says
    /// what was paid ([`CostColumns::any`]).
    pub fn read_indexes(&self) -> Vec<usize> {
        let costs = if self.costs.any() {
            self.costs.all()
        } else {
            [None; 5]
        };
        [
            Some(&self.usage_type),
            self.product.as_ref(),
            self.operation.as_ref(),
        ]
        .into_iter()
        .chain(costs)
        .flatten()
        .chain(
            self.costs
                .any()
                .then(|| self.costs.focus_columns())
                .into_iter()
                .flatten(),
        )
        .map(|(i, _)| *i)
        .collect()
    }
}

/// Where a report's cost columns are (index and name), each where it has one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CostColumns {
    pub line_item_type: Option<(usize, String)>,
    pub usage_amount: Option<(usize, String)>,
    pub unblended_cost: Option<(usize, String)>,
    pub reservation_effective_cost: Option<(usize, String)>,
    pub savings_plan_effective_cost: Option<(usize, String)>,
    /// A FOCUS export's charge columns, in [`FOCUS_CHARGE_NAMES`]' order, when the report
    /// has no line item type but has them.
    pub focus: Option<[Option<(usize, String)>; 5]>,
}

impl CostColumns {
    /// Whether the report says what was paid: a line item type (or a FOCUS export's
    /// charge columns) and the hours.
    pub fn any(&self) -> bool {
        (self.line_item_type.is_some() || self.focus.is_some()) && self.usage_amount.is_some()
    }

    /// Every column found but FOCUS's charge columns, in the order of the fields above.
    pub fn all(&self) -> [Option<&(usize, String)>; 5] {
        [
            self.line_item_type.as_ref(),
            self.usage_amount.as_ref(),
            self.unblended_cost.as_ref(),
            self.reservation_effective_cost.as_ref(),
            self.savings_plan_effective_cost.as_ref(),
        ]
    }

    /// The FOCUS charge columns found, each's index and name.
    pub fn focus_columns(&self) -> impl Iterator<Item = &(usize, String)> {
        self.focus.iter().flatten().flatten()
    }

    /// The line item type of one record, `cell` giving a column's text: the report's, or
    /// the one its FOCUS charge columns stand for.
    pub fn line_item_type<'r>(&self, cell: impl Fn(usize) -> Option<&'r str>) -> Option<&'r str> {
        let text = |at: Option<&(usize, String)>| non_empty(at, &cell);
        if let Some(focus) = &self.focus {
            let [charge, pricing, status, id, kind] = focus.each_ref().map(|at| text(at.as_ref()));
            return FocusCharge {
                charge_category: charge,
                pricing_category: pricing,
                commitment_discount_status: status,
                commitment_discount_id: id,
                commitment_discount_type: kind,
            }
            .line_item_type();
        }
        text(self.line_item_type.as_ref())
    }

    /// The costs of one record, `cell` giving a column's text.
    pub fn of<'r>(&self, cell: impl Fn(usize) -> Option<&'r str> + Copy) -> LineCosts<'r> {
        let [_, amount, unblended, reservation, plan] = self.all();
        let text = |at: Option<&(usize, String)>| non_empty(at, &cell);
        let number = |at: Option<&(usize, String)>| text(at).and_then(|t| t.parse::<f64>().ok());
        LineCosts {
            line_item_type: self.line_item_type(cell),
            usage_amount: number(amount),
            unblended_cost: number(unblended),
            reservation_effective_cost: number(reservation),
            savings_plan_effective_cost: number(plan),
        }
    }
}

/// The text of the cell of column `at` (`cell` giving a column's text), if it has any.
fn non_empty<'r>(
    at: Option<&(usize, String)>,
    cell: &impl Fn(usize) -> Option<&'r str>,
) -> Option<&'r str> {
    at.and_then(|(i, _)| cell(*i)).filter(|t| !t.is_empty())
}

/// A column name as compared for suggestions: lowercase, without `_`, `/` and spaces.
fn folded(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, '_' | '/' | ' '))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The header as a message lists it.
fn listed(header: &[&str]) -> String {
    header.join(",")
}

/// Finds one column: the name given (exactly), else the first known name present (said
/// on stderr when `announce`); `Ok(None)` when neither is there and `required` is false.
fn find_one(
    header: &[&str],
    given: Option<&str>,
    known: &[(&str, &str)],
    what: &str,
    required: bool,
) -> io::Result<Option<(usize, String)>> {
    if let Some(name) = given {
        if let Some(at) = header.iter().position(|h| *h == name) {
            return Ok(Some((at, name.to_owned())));
        }
        let near = header
            .iter()
            .find(|h| folded(h) == folded(name))
            .or_else(|| {
                known
                    .iter()
                    .map(|(k, _)| k)
                    .find(|k| folded(k) == folded(name) && header.contains(k))
            });
        let hint = near.map_or_else(String::new, |n| format!(": did you mean '{n}'?"));
        return Err(io::Error::other(format!(
            "no column {name:?} in the header{hint} (the header: {})",
            listed(header)
        )));
    }
    for (name, export) in known {
        if let Some(at) = header.iter().position(|h| h == name) {
            eprintln!("ec2type: {what}: column '{name}' ({export})");
            return Ok(Some((at, (*name).to_owned())));
        }
    }
    if required {
        let names: Vec<&str> = known.iter().map(|(n, _)| *n).collect();
        return Err(io::Error::other(format!(
            "no {what} column: none of {} is in the header; name it with --column (the header: {})",
            names.join(", "),
            listed(header)
        )));
    }
    Ok(None)
}

/// Finds the columns in `header` (the first field without a BOM).
pub fn find(header: &[&str], columns: &Columns<'_>) -> io::Result<Found> {
    let usage_type = find_one(
        header,
        columns.usage_type,
        USAGE_TYPE_NAMES,
        "usage type",
        true,
    )?
    .ok_or_else(|| io::Error::other("no usage-type column"))?;
    let product = match columns.fixed_product {
        Some(_) => None,
        None => find_one(
            header,
            columns.product,
            PRODUCT_NAMES,
            "product code",
            false,
        )?,
    };
    let operation = match columns.fixed_operation {
        Some(_) => None,
        None => find_one(
            header,
            columns.operation,
            OPERATION_NAMES,
            "operation",
            false,
        )?,
    };
    let cost = |known: &[(&str, &str)], what: &str| find_one(header, None, known, what, false);
    let costs = CostColumns {
        line_item_type: cost(LINE_ITEM_TYPE_NAMES, "line item type")?,
        usage_amount: cost(USAGE_AMOUNT_NAMES, "usage amount")?,
        unblended_cost: cost(UNBLENDED_COST_NAMES, "unblended cost")?,
        reservation_effective_cost: cost(RESERVATION_COST_NAMES, "reservation effective cost")?,
        savings_plan_effective_cost: cost(SAVINGS_PLAN_COST_NAMES, "savings plan effective cost")?,
        focus: None,
    };
    let costs = CostColumns {
        focus: focus_charge_columns(header, &costs),
        ..costs
    };
    Ok(Found {
        usage_type,
        product,
        operation,
        costs,
    })
}

/// A FOCUS export's charge columns, when the report has no line item type but has
/// `ChargeCategory` and `PricingCategory`.
fn focus_charge_columns(
    header: &[&str],
    costs: &CostColumns,
) -> Option<[Option<(usize, String)>; 5]> {
    if costs.line_item_type.is_some() {
        return None;
    }
    let found = FOCUS_CHARGE_NAMES.map(|name| {
        let at = header.iter().position(|h| *h == name)?;
        Some((at, name.to_owned()))
    });
    if found[0].is_none() || found[1].is_none() {
        return None;
    }
    let names: Vec<&str> = found.iter().flatten().map(|(_, n)| n.as_str()).collect();
    eprintln!(
        "ec2type: how lines were charged: columns {} (FOCUS)",
        names.join(", ")
    );
    Some(found)
}

/// Whether a value looks like a usage type: it decodes, and it has a known billing code
/// (or edge zone, or is global), a known kind, or a `:` detail; or it is a known kind with
/// a bad instance type (`BoxUsage:m5.huge`: a usage type, reported as one). SKU ids
/// (`HSRFWQ3TJGWVZ2EK`) and descriptions (`$0.34 per On Demand ...`) do not.
pub fn looks_like_usage_type(text: &str) -> bool {
    match UsageType::parse(text) {
        Ok(usage) => {
            (usage.billing_code().is_some()
                && !matches!(usage.warning(), Some(UsageWarning::UnknownBillingCode(_))))
                || usage.edge_zone().is_some()
                || usage.is_global()
                || usage.kind().known().is_some()
                || usage.detail().is_some()
        }
        Err(error) => matches!(
            error.kind(),
            UsageErrorKind::InvalidInstanceType
                | UsageErrorKind::InvalidFamily
                | UsageErrorKind::MissingDetail
        ),
    }
}

/// Refuses a usage-type column fewer than half of whose first [`SAMPLED_VALUES`]
/// non-empty `values` look like usage types, before anything is written (unless
/// `force`).
pub fn check_values<'v>(
    name: &str,
    values: impl Iterator<Item = &'v str>,
    force: bool,
) -> io::Result<()> {
    if force {
        return Ok(());
    }
    let sampled: Vec<&str> = values
        .filter(|v| !v.is_empty())
        .take(SAMPLED_VALUES)
        .collect();
    let looking = sampled.iter().filter(|v| looks_like_usage_type(v)).count();
    if sampled.is_empty() || looking * 2 >= sampled.len() {
        return Ok(());
    }
    let example = sampled
        .iter()
        .find(|v| !looks_like_usage_type(v))
        .copied()
        .unwrap_or_default();
    Err(io::Error::other(format!(
        "column '{name}' does not hold usage types: {looking} of its first {} values look like one (such as 'USW2-BoxUsage:m5.large'), not {example:?}; name the usage-type column with --column, or decode it anyway with --force",
        sampled.len()
    )))
}

#[cfg(test)]
mod tests {
    use super::{Columns, find, looks_like_usage_type};
    use ec2_instance_type::catalogue::Catalogue;

    fn columns(usage_type: Option<&str>) -> Columns<'_> {
        Columns {
            catalogue: Catalogue::bundled(),
            usage_type,
            product: None,
            fixed_product: None,
            operation: None,
            fixed_operation: None,
            force: false,
        }
    }

    #[test]
    fn known_names_are_found() {
        let legacy = [
            "identity/LineItemId",
            "lineItem/ProductCode",
            "lineItem/UsageType",
            "lineItem/Operation",
        ];
        let found = find(&legacy, &columns(None)).unwrap();
        assert_eq!(found.usage_type, (2, "lineItem/UsageType".to_owned()));
        assert_eq!(found.product, Some((1, "lineItem/ProductCode".to_owned())));
        assert_eq!(found.operation, Some((3, "lineItem/Operation".to_owned())));
        let focus = ["SkuId", "SkuMeter", "x_Operation", "x_ServiceCode"];
        let found = find(&focus, &columns(None)).unwrap();
        assert_eq!(found.usage_type.1, "SkuMeter");
    }

    #[test]
    fn a_wrong_name_gets_a_suggestion_and_none_lists_the_header() {
        let legacy = ["lineItem/ProductCode", "lineItem/UsageType"];
        let error = find(&legacy, &columns(Some("line_item_usage_type"))).unwrap_err();
        assert_eq!(
            error.to_string(),
            "no column \"line_item_usage_type\" in the header: did you mean 'lineItem/UsageType'? (the header: lineItem/ProductCode,lineItem/UsageType)"
        );
        let error = find(&["a", "b"], &columns(None)).unwrap_err();
        assert!(error.to_string().starts_with(
            "no usage type column: none of line_item_usage_type, lineItem/UsageType,"
        ));
        assert!(error.to_string().ends_with("(the header: a,b)"));
    }

    #[test]
    fn usage_types_look_like_usage_types_and_sku_ids_do_not() {
        for text in [
            "USW2-BoxUsage:m5.large",
            "EBS:VolumeUsage.gp3",
            "USE1-CAN1-AWS-Out-Bytes",
            "DashboardsUsageHour-Basic",
            "US-Requests-Tier1",
            "BoxUsage",
        ] {
            assert!(looks_like_usage_type(text), "{text}");
        }
        for text in [
            "HSRFWQ3TJGWVZ2EK",
            "$0.34 per On Demand Linux m5.large Instance Hour",
            "hello world",
            "",
        ] {
            assert!(!looks_like_usage_type(text), "{text}");
        }
    }
}

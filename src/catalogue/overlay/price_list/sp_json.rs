//! The Savings Plans file of a region as JSON (`.../AWSComputeSavingsPlan/VERSION/REGION/
//! index.json`), as AWS's Billing guide documents it: `{"version", "publicationDate",
//! "regionCode", "products": [{"sku", "productFamily", "attributes": {"purchaseOption",
//! ...}}], "terms": {"savingsPlan": [{"sku", "leaseContractLength": {"duration", "unit"},
//! "rates": [{"discountedUsageType", "discountedOperation", "discountedRate": {"price",
//! "currency"}, ...}]}]}}`. Streamed with serde: each plan is taken as it is read (once
//! the products are known), so memory is bounded by one plan's rates.

use std::collections::HashMap;
use std::fmt;
use std::io::{BufReader, Read};

use serde::Deserialize;
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::super::report::DataFormat;
use super::savings_plans::SavingsPlanRate;
use super::{Taking, json_error};
use crate::catalogue::data_error::{DataError, DataErrorKind};

/// A plan's product: its family and payment option.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct PlanProduct {
    #[serde(default)]
    sku: String,
    #[serde(default)]
    product_family: String,
    #[serde(default)]
    attributes: Attributes,
}

/// The product attributes the rules read.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct Attributes {
    purchase_option: String,
}

/// One plan of `terms.savingsPlan`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct Plan {
    sku: String,
    lease_contract_length: Lease,
    rates: Vec<PlanRate>,
}

/// A plan's term.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Lease {
    duration: u32,
    unit: String,
}

/// One rate of a plan.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct PlanRate {
    discounted_usage_type: String,
    discounted_operation: String,
    discounted_service_code: String,
    unit: String,
    discounted_rate: RatePrice,
    discounted_region_code: String,
    discounted_instance_type: String,
}

/// A rate's price.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RatePrice {
    price: String,
    currency: String,
}

/// What is kept while the file streams by.
struct Kept {
    taking: Taking,
    /// The products by SKU; `None` until `products` was read.
    products: Option<HashMap<String, PlanProduct>>,
    /// Plans read before the products (AWS writes the products first).
    waiting: Vec<Plan>,
    /// The first error of a rate: serde's errors cannot carry the kind.
    failed: Option<(DataErrorKind, String)>,
}

impl Kept {
    /// Takes every rate of `plan` by the rules, or keeps the plan until the products are
    /// known.
    fn plan(&mut self, plan: Plan) {
        let Some(products) = &self.products else {
            self.waiting.push(plan);
            return;
        };
        let Some(product) = products.get(&plan.sku) else {
            return;
        };
        let lease = plan.lease_contract_length.duration.to_string();
        for rate in &plan.rates {
            let rate = SavingsPlanRate {
                family: &product.product_family,
                purchase: &product.attributes.purchase_option,
                lease: &lease,
                lease_unit: &plan.lease_contract_length.unit,
                service: &rate.discounted_service_code,
                usage_type: &rate.discounted_usage_type,
                operation: &rate.discounted_operation,
                unit: &rate.unit,
                rate: &rate.discounted_rate.price,
                currency: &rate.discounted_rate.currency,
                region_code: &rate.discounted_region_code,
                instance_type: &rate.discounted_instance_type,
            };
            if let Err((kind, message)) = rate.take(&mut self.taking) {
                self.failed
                    .get_or_insert((kind, format!("terms.savingsPlan {}: {message}", plan.sku)));
                return;
            }
        }
    }
}

/// The rates of a Savings Plans file as JSON, streamed.
pub(super) fn read(input: impl Read) -> Result<Taking, DataError> {
    let mut deserializer =
        serde_json::Deserializer::from_reader(BufReader::with_capacity(1 << 16, input));
    let mut kept = Kept {
        taking: Taking::new(DataFormat::SavingsPlansJson),
        products: None,
        waiting: Vec::new(),
        failed: None,
    };
    deserializer
        .deserialize_map(File(&mut kept))
        .and_then(|()| deserializer.end())
        .map_err(|e| json_error(&e, "an AWS Savings Plans file"))?;
    if kept.products.is_none() {
        return Err(DataError::new(
            DataErrorKind::UnexpectedShape,
            "no \"products\": not an AWS Savings Plans file",
        ));
    }
    for plan in std::mem::take(&mut kept.waiting) {
        kept.plan(plan);
    }
    match kept.failed {
        Some((kind, message)) => Err(DataError::new(kind, message)),
        None => Ok(kept.taking),
    }
}

/// The document's top-level object.
struct File<'k>(&'k mut Kept);

impl<'de> Visitor<'de> for File<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an AWS Savings Plans file (a JSON object with products and terms)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "publicationDate" => self.0.taking.report.published = Some(map.next_value()?),
                "products" => {
                    let products: Vec<PlanProduct> = map.next_value()?;
                    self.0.products =
                        Some(products.into_iter().map(|p| (p.sku.clone(), p)).collect());
                }
                "terms" => map.next_value_seed(Terms(self.0))?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// `terms`: `savingsPlan` kept.
struct Terms<'k>(&'k mut Kept);

impl<'de> DeserializeSeed<'de> for Terms<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Terms<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("terms by type (savingsPlan)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            if key == "savingsPlan" {
                map.next_value_seed(Plans(self.0))?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

/// `terms.savingsPlan`: the plans, each taken as it is read.
struct Plans<'k>(&'k mut Kept);

impl<'de> DeserializeSeed<'de> for Plans<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Plans<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of Savings Plans terms")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(plan) = seq.next_element::<Plan>()? {
            self.0.plan(plan);
        }
        Ok(())
    }
}

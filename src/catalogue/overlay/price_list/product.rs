//! A Price List product and its on-demand terms as AWS's JSON writes them, in the offer
//! file (`index.json`) and in `aws pricing get-products` alike: one definition of the
//! fields the rules read, for both.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::reserved::TermAttributes;
use super::{Offer, Taking};
use crate::catalogue::data_error::DataErrorKind;

/// A product (`{"sku", "productFamily", "attributes": {...}}`): only what the rules read;
/// every other field is skipped.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Product {
    #[serde(default)]
    pub(super) product_family: String,
    #[serde(default)]
    pub(super) attributes: Attributes,
}

/// The attributes of a product the rules read, named as AWS names them.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Attributes {
    #[serde(rename = "instanceType")]
    instance_type: String,
    #[serde(rename = "regionCode")]
    region_code: Option<String>,
    location: String,
    #[serde(rename = "locationType")]
    location_type: String,
    #[serde(rename = "operatingSystem")]
    operating_system: String,
    tenancy: String,
    capacitystatus: String,
    #[serde(rename = "preInstalledSw")]
    pre_installed_sw: String,
    #[serde(rename = "licenseModel")]
    license_model: Option<String>,
    marketoption: Option<String>,
}

/// One term of a product (`{"priceDimensions": {...}, ...}`).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Term {
    #[serde(default)]
    pub(super) price_dimensions: BTreeMap<String, Dimension>,
    /// A Reserved term's `LeaseContractLength`, `PurchaseOption`, `OfferingClass`.
    #[serde(default)]
    pub(super) term_attributes: BTreeMap<String, String>,
}

/// One price dimension of a term: its unit and price per unit by currency.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Dimension {
    #[serde(default)]
    unit: String,
    #[serde(default)]
    price_per_unit: BTreeMap<String, String>,
}

impl Product {
    /// Whether the rules could take a price of it: a compute instance. Other products
    /// (EBS, data transfer, hosts) are dropped as they are read.
    pub(super) fn is_compute(&self) -> bool {
        matches!(
            self.product_family.as_str(),
            "Compute Instance" | "Compute Instance (bare metal)"
        )
    }

    /// Takes the prices of one on-demand term of this product.
    pub(super) fn take_on_demand(
        &self,
        term: &Term,
        taking: &mut Taking,
    ) -> Result<(), (DataErrorKind, String)> {
        for dimension in term.price_dimensions.values() {
            taking.on_demand(&self.offer(dimension, "OnDemand"))?;
        }
        Ok(())
    }

    /// Takes the price dimensions of one Reserved term (`key`: `SKU.OfferTermCode`) of
    /// this product.
    pub(super) fn take_reserved(
        &self,
        key: &str,
        term: &Term,
        taking: &mut Taking,
    ) -> Result<(), (DataErrorKind, String)> {
        let attribute = |name: &str| term.term_attributes.get(name).map_or("", String::as_str);
        let attributes = TermAttributes {
            lease: attribute("LeaseContractLength"),
            purchase: attribute("PurchaseOption"),
            class: attribute("OfferingClass"),
        };
        for dimension in term.price_dimensions.values() {
            taking
                .reserved
                .add(key, &self.offer(dimension, "Reserved"), &attributes)?;
        }
        Ok(())
    }

    /// The offer of one price dimension of a `term` type of this product: USD when the
    /// dimension has it, else its first currency (which the rules refuse).
    fn offer<'a>(&'a self, dimension: &'a Dimension, term: &'static str) -> Offer<'a> {
        let a = &self.attributes;
        let (currency, price) = dimension
            .price_per_unit
            .get_key_value("USD")
            .or_else(|| dimension.price_per_unit.iter().next())
            .map_or(("", ""), |(c, p)| (c.as_str(), p.as_str()));
        Offer {
            term,
            family: &self.product_family,
            unit: &dimension.unit,
            capacity: &a.capacitystatus,
            software: &a.pre_installed_sw,
            license: a.license_model.as_deref(),
            market: a.marketoption.as_deref(),
            currency,
            price,
            name: &a.instance_type,
            region_code: a.region_code.as_deref(),
            location: &a.location,
            location_type: &a.location_type,
            os: &a.operating_system,
            tenancy: &a.tenancy,
        }
    }
}

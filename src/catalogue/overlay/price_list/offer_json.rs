//! The offer file of AWS's Price List as JSON (`index.json` of a region, the form opencost
//! and others read): `{"formatVersion", "offerCode", "publicationDate", "products": {SKU:
//! product}, "terms": {"OnDemand": {SKU: {CODE: term}}, "Reserved": ...}}`. Streamed with
//! serde: only compute products and their on-demand terms are kept, everything else is
//! skipped as it is read, so memory is bounded by the number of compute SKUs, not the
//! file's size.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::io::{BufReader, Read};

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};

use super::super::report::DataFormat;
use super::product::{Product, Term};
use super::{Taking, json_error};
use crate::catalogue::data_error::{DataError, DataErrorKind};

/// What is kept of an offer file while it streams by.
#[derive(Default)]
struct Kept {
    offer_code: Option<String>,
    published: Option<String>,
    /// Compute products by SKU; `None` until `products` was read.
    products: Option<HashMap<String, Product>>,
    /// On-demand terms by SKU, in file order: only of kept products when `products` came
    /// first (as AWS writes it), all of them otherwise.
    on_demand: Vec<(String, Term)>,
    /// Reserved terms as (SKU, `SKU.OfferTermCode`, term), kept as the on-demand ones.
    reserved: Vec<(String, String, Term)>,
}

/// The prices of an offer file as JSON, streamed.
pub(super) fn read(input: impl Read) -> Result<Taking, DataError> {
    let mut deserializer =
        serde_json::Deserializer::from_reader(BufReader::with_capacity(1 << 16, input));
    let mut kept = Kept::default();
    deserializer
        .deserialize_map(OfferFile(&mut kept))
        .and_then(|()| deserializer.end())
        .map_err(|e| json_error(&e, "an AWS Price List offer file"))?;
    if let Some(code) = kept.offer_code.as_deref().filter(|c| *c != "AmazonEC2") {
        return Err(DataError::new(
            DataErrorKind::UnexpectedShape,
            format!("the price list of {code}, expected AmazonEC2"),
        ));
    }
    let Some(products) = kept.products else {
        return Err(DataError::new(
            DataErrorKind::UnexpectedShape,
            "no \"products\": not an AWS Price List offer file",
        ));
    };
    let mut taking = Taking::new(DataFormat::OfferFileJson);
    taking.report.published = kept.published;
    for (sku, term) in &kept.on_demand {
        let Some(product) = products.get(sku) else {
            continue;
        };
        product
            .take_on_demand(term, &mut taking)
            .map_err(|(kind, message)| {
                DataError::new(kind, format!("terms.OnDemand.{sku}: {message}"))
            })?;
    }
    for (sku, key, term) in &kept.reserved {
        let Some(product) = products.get(sku) else {
            continue;
        };
        product
            .take_reserved(key, term, &mut taking)
            .map_err(|(kind, message)| {
                DataError::new(kind, format!("terms.Reserved.{sku}: {message}"))
            })?;
    }
    Ok(taking)
}

/// The document's top-level object.
struct OfferFile<'k>(&'k mut Kept);

impl<'de> Visitor<'de> for OfferFile<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an AWS Price List offer file (a JSON object with products and terms)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "offerCode" => self.0.offer_code = Some(map.next_value()?),
                "publicationDate" => self.0.published = Some(map.next_value()?),
                "products" => {
                    let products = map.next_value_seed(Products)?;
                    self.0.products = Some(products);
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

/// `products`: the compute products by SKU.
struct Products;

impl<'de> Visitor<'de> for Products {
    type Value = HashMap<String, Product>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("products by SKU")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut products = HashMap::new();
        while let Some((sku, product)) = map.next_entry::<String, Product>()? {
            if product.is_compute() {
                products.insert(sku, product);
            }
        }
        Ok(products)
    }
}

impl<'de> DeserializeSeed<'de> for Products {
    type Value = HashMap<String, Product>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

/// `terms`: on-demand and Reserved terms kept, others skipped.
struct Terms<'k>(&'k mut Kept);

impl<'de> Visitor<'de> for Terms<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("terms by type (OnDemand, Reserved)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "OnDemand" => map.next_value_seed(ByProduct(self.0, TermType::OnDemand))?,
                "Reserved" => map.next_value_seed(ByProduct(self.0, TermType::Reserved))?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

impl<'de> DeserializeSeed<'de> for Terms<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

/// The two kinds of terms kept.
#[derive(Clone, Copy)]
enum TermType {
    OnDemand,
    Reserved,
}

/// `terms.OnDemand` or `terms.Reserved`: `{SKU: {SKU.OFFER_TERM_CODE: term}}`.
struct ByProduct<'k>(&'k mut Kept, TermType);

impl<'de> Visitor<'de> for ByProduct<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("terms by SKU")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(sku) = map.next_key::<String>()? {
            // Terms of products already known not to be compute instances are skipped
            // unread (most of a file's Reserved terms are of other products).
            let wanted = self
                .0
                .products
                .as_ref()
                .is_none_or(|p| p.contains_key(&sku));
            if !wanted {
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            let terms: BTreeMap<String, Term> = map.next_value()?;
            match self.1 {
                TermType::OnDemand => self
                    .0
                    .on_demand
                    .extend(terms.into_values().map(|term| (sku.clone(), term))),
                TermType::Reserved => self.0.reserved.extend(
                    terms
                        .into_iter()
                        .map(|(key, term)| (sku.clone(), key, term)),
                ),
            }
        }
        Ok(())
    }
}

impl<'de> DeserializeSeed<'de> for ByProduct<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

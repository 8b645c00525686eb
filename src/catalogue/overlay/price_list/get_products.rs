//! The JSON that `aws pricing get-products --service-code AmazonEC2` prints
//! (`{"FormatVersion": "aws_v1", "PriceList": ["{...}", ...]}`, one document per page).

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use super::super::json::{documents, line_column};
use super::super::report::DataFormat;
use super::Taking;
use super::product::{Product, Term};
use crate::catalogue::data_error::{DataError, DataErrorKind};

/// One element of `PriceList`: a product with its terms.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Element {
    #[serde(default)]
    product: Product,
    #[serde(default)]
    terms: Terms,
    publication_date: Option<String>,
}

/// The terms of an element: on-demand and Reserved ones are read.
#[derive(Default, Deserialize)]
struct Terms {
    #[serde(default, rename = "OnDemand")]
    on_demand: BTreeMap<String, Term>,
    #[serde(default, rename = "Reserved")]
    reserved: BTreeMap<String, Term>,
}

/// The prices of `aws pricing get-products` JSON.
pub(super) fn read(json: &str) -> Result<Taking, DataError> {
    let mut taking = Taking::new(DataFormat::GetProducts);
    for (start, document) in documents(json)? {
        // Found only for an error: counting lines for every page would read the text
        // once per page.
        let place = || line_column(json, start);
        let list = document
            .get("PriceList")
            .and_then(Value::as_array)
            .ok_or_else(|| {
                let (line, column) = place();
                DataError::new(
                    DataErrorKind::UnexpectedShape,
                    "expected {\"PriceList\": [...]} as aws pricing get-products prints it",
                )
                .at(line, Some(column))
            })?;
        for (i, element) in list.iter().enumerate() {
            let here = |kind, message: String| {
                let (line, column) = place();
                DataError::new(kind, format!("PriceList element {}: {message}", i + 1))
                    .at(line, Some(column))
            };
            // The CLI prints each product as a JSON string; accept an object too.
            let element = match element {
                Value::String(text) => serde_json::from_str::<Element>(text),
                other => Element::deserialize(other),
            }
            .map_err(|e| here(DataErrorKind::NotJson, format!("not a product's JSON: {e}")))?;
            if taking.report.published.is_none() {
                taking
                    .report
                    .published
                    .clone_from(&element.publication_date);
            }
            if !element.product.is_compute() {
                continue;
            }
            let here = |(kind, message)| here(kind, message);
            for term in element.terms.on_demand.values() {
                element
                    .product
                    .take_on_demand(term, &mut taking)
                    .map_err(here)?;
            }
            for (key, term) in &element.terms.reserved {
                element
                    .product
                    .take_reserved(key, term, &mut taking)
                    .map_err(here)?;
            }
        }
    }
    Ok(taking)
}

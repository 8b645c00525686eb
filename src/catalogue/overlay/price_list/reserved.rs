//! Reserved Instance terms of the offer file (CSV and JSON alike): each term
//! (`SKU.OfferTermCode`) is one or two price dimensions, an hourly rate (`Hrs`) and, paid
//! partly or all upfront, a fee (`Quantity`), gathered here into one rate.

use std::collections::{HashMap, HashSet};

use super::{Offer, Place, is_priced, place, usd};
use crate::catalogue::commitment::{Commitment, CommitmentKind, Payment, term_years_of_price_list};
use crate::catalogue::data_error::DataErrorKind;

/// A term's attributes, as the offer file names them (`LeaseContractLength` `1yr`,
/// `PurchaseOption` `Partial Upfront`, `OfferingClass` `standard`).
pub(super) struct TermAttributes<'a> {
    pub(super) lease: &'a str,
    pub(super) purchase: &'a str,
    pub(super) class: &'a str,
}

/// A Reserved rate taken from a list, before it is stored.
pub(super) struct TakenRate {
    pub(super) place: Place,
    pub(super) commitment: Commitment,
    pub(super) hourly_usd: f64,
    pub(super) upfront_usd: Option<f64>,
}

/// A term while its dimensions are read.
struct Pending {
    place: Place,
    commitment: Commitment,
    hourly: Option<f64>,
    upfront: Option<f64>,
}

/// The Reserved terms of one file, gathered by term.
#[derive(Default)]
pub(super) struct ReservedTerms {
    terms: HashMap<String, Pending>,
    /// Terms of places this version does not know, by key.
    unknown: HashSet<String>,
}

/// The commitment of a term's attributes; `None` for a purchase option of the past
/// (`Heavy Utilization`) or a class this version does not know.
fn commitment(
    attributes: &TermAttributes<'_>,
) -> Result<Option<Commitment>, (DataErrorKind, String)> {
    let years = term_years_of_price_list(attributes.lease).ok_or_else(|| {
        (
            DataErrorKind::InvalidValue,
            format!(
                "LeaseContractLength '{}', expected 1yr or 3yr",
                attributes.lease
            ),
        )
    })?;
    let Some(kind) =
        CommitmentKind::of_price_list(attributes.class).filter(|k| !k.is_savings_plan())
    else {
        return Ok(None);
    };
    Ok(Payment::of_price_list(attributes.purchase).and_then(|p| Commitment::new(kind, years, p)))
}

impl ReservedTerms {
    /// Adds one price dimension of term `key` (`SKU.OfferTermCode`).
    pub(super) fn add(
        &mut self,
        key: &str,
        offer: &Offer<'_>,
        attributes: &TermAttributes<'_>,
    ) -> Result<(), (DataErrorKind, String)> {
        if !is_priced(offer) {
            return Ok(());
        }
        let Some(commitment) = commitment(attributes)? else {
            return Ok(());
        };
        let amount = usd(offer)?;
        if !self.terms.contains_key(key) {
            let Some(place) = place(offer)? else {
                self.unknown.insert(key.to_owned());
                return Ok(());
            };
            self.terms.insert(
                key.to_owned(),
                Pending {
                    place,
                    commitment,
                    hourly: None,
                    upfront: None,
                },
            );
        }
        let Some(term) = self.terms.get_mut(key) else {
            return Ok(());
        };
        let slot = match offer.unit {
            "Hrs" => &mut term.hourly,
            "Quantity" => &mut term.upfront,
            other => {
                return Err((
                    DataErrorKind::InvalidValue,
                    format!("Reserved term {key}: unit '{other}', expected Hrs or Quantity"),
                ));
            }
        };
        if slot.replace(amount).is_some() {
            return Err((
                DataErrorKind::UnexpectedShape,
                format!("Reserved term {key}: two {} prices", offer.unit),
            ));
        }
        Ok(())
    }

    /// How many terms were of places this version does not know.
    pub(super) fn unknown_places(&self) -> usize {
        self.unknown.len()
    }

    /// The rates of the terms read, each checked whole: an hourly rate (0 for all
    /// upfront, where AWS lists one of 0), and a fee exactly where the option has one.
    pub(super) fn finish(self) -> Result<Vec<TakenRate>, (DataErrorKind, String)> {
        let mut rates = Vec::with_capacity(self.terms.len());
        let mut terms: Vec<(String, Pending)> = self.terms.into_iter().collect();
        // In file order would need the order kept; by key is as stable.
        terms.sort_by(|a, b| a.0.cmp(&b.0));
        for (key, term) in terms {
            let has_fee = term.commitment.payment != Payment::NoUpfront;
            let incomplete = |what: &str| {
                (
                    DataErrorKind::MissingField,
                    format!("Reserved term {key} ({}): no {what}", term.commitment),
                )
            };
            let hourly = match (term.hourly, term.commitment.payment) {
                (Some(hourly), _) => hourly,
                (None, Payment::AllUpfront) => 0.0,
                (None, _) => return Err(incomplete("hourly rate (Hrs)")),
            };
            let upfront = match (term.upfront, has_fee) {
                (Some(fee), true) => Some(fee),
                (None, true) => return Err(incomplete("upfront fee (Quantity)")),
                (Some(_), false) => {
                    return Err((
                        DataErrorKind::UnexpectedShape,
                        format!("Reserved term {key} ({}): an upfront fee", term.commitment),
                    ));
                }
                (None, false) => None,
            };
            rates.push(TakenRate {
                place: term.place,
                commitment: term.commitment,
                hourly_usd: hourly,
                upfront_usd: upfront,
            });
        }
        Ok(rates)
    }
}

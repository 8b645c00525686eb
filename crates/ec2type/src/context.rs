//! What every command answers from, passed to each: the catalogue (the bundled one, or
//! the one `--data` built) and the operating system and tenancy of the prices asked for.

use std::borrow::Cow;

use ec2_instance_type::Region;
use ec2_instance_type::catalogue::Scope;
use ec2_instance_type::catalogue::{Catalogue, Pricing, Tenancy};

/// The operating system and tenancy asked for (`--os`, `--tenancy`); `None`: Linux, shared
/// (or the tenancy the data lists), with fallbacks labelled.
#[derive(Debug, Clone, Default)]
pub struct Prices {
    /// The operating system, as given.
    pub os: Option<String>,
    /// The tenancy.
    pub tenancy: Option<Tenancy>,
    /// The pricing asked for (`--pricing`); `None`: on demand.
    pub pricing: Option<Pricing>,
}

impl Prices {
    /// The pricing costs are shown and ranked under: the one asked for, or on demand.
    pub fn pricing(&self) -> Pricing {
        self.pricing.unwrap_or_default()
    }
}

/// The catalogue and the prices asked for.
pub struct Context {
    catalogue: Cow<'static, Catalogue>,
    prices: Prices,
}

impl Context {
    /// Answers from `catalogue` (the bundled one when `None`) with the prices asked for.
    pub fn new(catalogue: Option<Catalogue>, prices: Prices) -> Self {
        let catalogue = match catalogue {
            Some(owned) => Cow::Owned(owned),
            None => Cow::Borrowed(Catalogue::bundled()),
        };
        Context { catalogue, prices }
    }

    /// The catalogue every answer comes from.
    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }

    /// The operating system and tenancy of the prices shown and ranked.
    pub fn prices(&self) -> &Prices {
        &self.prices
    }

    /// Where a cost or an answer applies: `region`, with the OS and tenancy asked for.
    pub fn scope(&self, region: Option<Region>) -> Scope {
        let mut scope = Scope::from(region);
        if let Some(os) = &self.prices.os {
            scope = scope.os(os);
        }
        if let Some(tenancy) = self.prices.tenancy {
            scope = scope.tenancy(tenancy);
        }
        scope.pricing(self.prices.pricing())
    }
}

#[cfg(test)]
impl Default for Context {
    fn default() -> Self {
        Context::new(None, Prices::default())
    }
}

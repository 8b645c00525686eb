//! What every command answers from, passed to each: the catalogue (the bundled one, or
//! the one `--data` built) and the operating system and tenancy of the prices asked for.

use std::borrow::Cow;

use ec2_instance_type::Region;
use ec2_instance_type::catalogue::{Catalogue, Tenancy};
use ec2_instance_type::query::Within;

/// The operating system and tenancy asked for (`--os`, `--tenancy`); `None`: Linux, shared
/// (or the tenancy the data lists), with fallbacks labelled.
#[derive(Debug, Clone, Default)]
pub struct Prices {
    /// The operating system, as given.
    pub os: Option<String>,
    /// The tenancy.
    pub tenancy: Option<Tenancy>,
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

    /// Where an answer applies: `region`, with the OS and tenancy asked for.
    pub fn within(&self, region: Option<Region>) -> Within {
        let mut within = Within::from(region);
        if let Some(os) = &self.prices.os {
            within = within.os(os);
        }
        if let Some(tenancy) = self.prices.tenancy {
            within = within.tenancy(tenancy);
        }
        within
    }
}

#[cfg(test)]
impl Default for Context {
    fn default() -> Self {
        Context::new(None, Prices::default())
    }
}

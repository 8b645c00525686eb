//! Names wrapped by other AWS services: `db.r6g.large`, `cache.t4g.micro`,
//! `r6g.large.search`, `db.r5b.8xlarge.tpc2.mem4x`.

use std::fmt;

use crate::display::write_affixed;
use crate::instance_type::InstanceType;
use crate::keyword::keyword_enum;
use crate::limits::SERVICE_NAME_MAX_LEN;

keyword_enum! {
    /// An AWS service that names instance types with a prefix or suffix of its own. Its
    /// text is that word: `"db"`, `"search"`.
    pub enum Service("service") {
        /// `db.`: Amazon RDS, Aurora, DocumentDB, Neptune and MemoryDB.
        Db = "db",
        /// `cache.`: Amazon ElastiCache.
        Cache = "cache",
        /// `ml.`: Amazon SageMaker.
        Ml = "ml",
        /// `kafka.`: Amazon MSK standard brokers.
        Kafka = "kafka",
        /// `express.`: Amazon MSK express brokers.
        Express = "express",
        /// `mq.`: Amazon MQ.
        Mq = "mq",
        /// `dax.`: DynamoDB Accelerator.
        Dax = "dax",
        /// `dms.`: AWS Database Migration Service replication instances.
        Dms = "dms",
        /// `.search`: Amazon OpenSearch Service.
        Search = "search",
        /// `.elasticsearch`: Amazon OpenSearch Service, under its former name.
        Elasticsearch = "elasticsearch",
    }
}

impl Service {
    /// Whether the service writes its word after the name (`r6g.large.search`) rather
    /// than before it (`db.r6g.large`).
    #[must_use]
    pub fn is_suffix(&self) -> bool {
        matches!(self, Service::Search | Service::Elasticsearch)
    }

    /// The services that use this word.
    #[must_use]
    pub fn description(&self) -> &'static str {
        match self {
            Service::Db => "Amazon RDS, Aurora, DocumentDB, Neptune and MemoryDB",
            Service::Cache => "Amazon ElastiCache",
            Service::Ml => "Amazon SageMaker",
            Service::Kafka => "Amazon MSK (standard brokers)",
            Service::Express => "Amazon MSK (express brokers)",
            Service::Mq => "Amazon MQ",
            Service::Dax => "DynamoDB Accelerator (DAX)",
            Service::Dms => "AWS Database Migration Service",
            Service::Search | Service::Elasticsearch => "Amazon OpenSearch Service",
        }
    }

    /// The service whose prefix word this is (`db`), the grammar's lookup.
    pub(crate) fn from_prefix(word: &[u8]) -> Option<Self> {
        Self::from_word(word).filter(|s| !s.is_suffix())
    }

    /// The service whose suffix word this is (`search`), the grammar's lookup.
    pub(crate) fn from_suffix(word: &[u8]) -> Option<Self> {
        Self::from_word(word).filter(Service::is_suffix)
    }

    fn from_word(word: &[u8]) -> Option<Self> {
        Self::known().find(|s| s.as_str().as_bytes() == word)
    }
}

/// An instance type as any AWS service names it: a plain EC2 name (`m5.large`) or one
/// wrapped by a service (`db.r6g.large`, `cache.t4g.micro`, `ml.p4d.24xlarge`,
/// `r6g.large.search`, `db.r5b.8xlarge.tpc2.mem4x`).
///
/// It prints back exactly as parsed. Every decoded part describes the EC2 type inside:
/// see [`instance_type`](Self::instance_type).
///
/// # Syntax
///
/// ```text
/// service_name = prefix "." name [ ".tpc" N ".mem" N "x" ]   (the class option: "db" only)
///              | name [ "." suffix ]
/// prefix       = "db" | "cache" | "ml" | "kafka" | "express" | "mq" | "dax" | "dms"
/// suffix       = "search" | "elasticsearch"
/// ```
///
/// ```
/// use ec2_instance_type::{Series, Service, ServiceInstanceType};
///
/// let db: ServiceInstanceType = "db.r5b.8xlarge.tpc2.mem4x".parse()?;
/// assert_eq!(db.service(), Some(Service::Db));
/// assert_eq!(db.ec2_name(), "r5b.8xlarge");
/// assert_eq!(db.instance_type().series(), Series::R);
/// assert_eq!((db.threads_per_core(), db.memory_ratio()), (Some(2), Some(4)));
/// assert_eq!(db.to_string(), "db.r5b.8xlarge.tpc2.mem4x");
/// # Ok::<(), ec2_instance_type::ParseError>(())
/// ```
///
/// # Order
///
/// By the EC2 name inside (see [`InstanceType`]'s order), then the service, then the class
/// option.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ServiceInstanceType {
    instance_type: InstanceType,
    service: Option<Service>,
    class_option: Option<(u8, u8)>,
}

impl ServiceInstanceType {
    /// The longest name accepted, in bytes. Longer input is refused before it is read.
    pub const MAX_LEN: usize = SERVICE_NAME_MAX_LEN;

    /// The service, or `None` for a plain EC2 name.
    #[must_use]
    pub fn service(&self) -> Option<Service> {
        self.service
    }

    /// The EC2 instance type inside the name.
    #[must_use]
    pub fn instance_type(&self) -> &InstanceType {
        &self.instance_type
    }

    /// The EC2 name inside: `"r6g.large"` for `db.r6g.large`.
    #[must_use]
    pub fn ec2_name(&self) -> &str {
        self.instance_type.as_str()
    }

    /// Threads per core of an RDS optimized-CPU class (`2` for `.tpc2.mem4x`).
    #[must_use]
    pub fn threads_per_core(&self) -> Option<u8> {
        self.class_option.map(|(tpc, _)| tpc)
    }

    /// The memory ratio of an RDS optimized-CPU class (`4` for `.tpc2.mem4x`).
    #[must_use]
    pub fn memory_ratio(&self) -> Option<u8> {
        self.class_option.map(|(_, mem)| mem)
    }
}

impl From<InstanceType> for ServiceInstanceType {
    fn from(instance_type: InstanceType) -> Self {
        Self {
            instance_type,
            service: None,
            class_option: None,
        }
    }
}

impl ServiceInstanceType {
    pub(crate) fn from_parts(
        instance_type: InstanceType,
        service: Option<Service>,
        class_option: Option<(u8, u8)>,
    ) -> Self {
        Self {
            instance_type,
            service,
            class_option,
        }
    }
}

impl fmt::Display for ServiceInstanceType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Assemble on the stack so that width and alignment apply to the whole name.
        let mut buf = [0u8; Self::MAX_LEN + 8];
        let mut len = 0;
        let mut push = |text: &str| {
            let end = (len + text.len()).min(buf.len());
            buf[len..end].copy_from_slice(&text.as_bytes()[..end - len]);
            len = end;
        };
        let mut number = [0u8; 8];
        match self.service {
            Some(service) if !service.is_suffix() => {
                push(service.as_str());
                push(".");
                push(self.ec2_name());
            }
            _ => push(self.ec2_name()),
        }
        if let Some((tpc, mem)) = self.class_option {
            push(write_affixed(&mut number, ".tpc", u32::from(tpc), ""));
            push(write_affixed(&mut number, ".mem", u32::from(mem), "x"));
        }
        if let Some(service) = self.service.filter(Service::is_suffix) {
            push(".");
            push(service.as_str());
        }
        f.pad(std::str::from_utf8(&buf[..len]).unwrap_or_default())
    }
}

//! The lookup face of the catalog: every service, action, resource type and condition key,
//! searchable by name. Always compiled (no `enums` feature needed).
//!
//! PLACEHOLDER: signatures only, to be replaced by the generated-data implementation.

/// The ID of an action: its position in the catalog's table of all actions. The typed enums
/// (feature `enums`) yield the same IDs through [`crate::TypedAction`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActionId(pub(crate) u32);

/// The type of a condition key's value, as AWS documents it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum KeyType {
    /// `String`.
    String,
    /// `ArrayOfString`.
    ArrayOfString,
    /// `ARN`.
    Arn,
    /// `ArrayOfARN`.
    ArrayOfArn,
    /// `Numeric`.
    Numeric,
    /// `ArrayOfNumeric`.
    ArrayOfNumeric,
    /// `Date`.
    Date,
    /// `ArrayOfDate`.
    ArrayOfDate,
    /// `Bool`.
    Bool,
    /// `ArrayOfBool`.
    ArrayOfBool,
    /// `IPAddress`.
    IpAddress,
    /// `ArrayOfIPAddress`.
    ArrayOfIpAddress,
    /// `Binary`.
    Binary,
    /// `ArrayOfBinary`.
    ArrayOfBinary,
}

/// The access level of an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum AccessLevel {
    /// `List`.
    List,
    /// `Read`.
    Read,
    /// `Write`.
    Write,
    /// `Tagging`.
    Tagging,
    /// `Permissions management`.
    PermissionsManagement,
}

/// The catalog, built once per process on first use.
#[derive(Debug)]
pub struct Catalog {}

/// A service.
#[derive(Debug, Clone, Copy)]
pub struct Service {}

/// An action.
#[derive(Debug, Clone, Copy)]
pub struct ActionInfo {}

/// A resource type.
#[derive(Debug, Clone, Copy)]
pub struct ResourceTypeInfo {}

/// A condition key.
#[derive(Debug, Clone, Copy)]
pub struct ConditionKeyInfo {}

/// An action that an earlier snapshot had and the current one does not.
#[derive(Debug, Clone, Copy)]
pub struct RetiredAction {}

/// The catalog.
pub fn catalog() -> &'static Catalog {
    static CATALOG: Catalog = Catalog {};
    &CATALOG
}

impl Catalog {
    /// The action with this full name (`s3:getobject`), ignoring ASCII case.
    pub fn action(&self, _full_name: &str) -> Option<ActionInfo> {
        None
    }
}

impl ActionInfo {
    /// The action's ID.
    pub fn id(&self) -> ActionId {
        ActionId(0)
    }
}

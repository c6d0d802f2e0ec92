//! The methods every service's typed enums share, written once. `cargo xtask codegen` emits each
//! service's enums and name tables (`ACTIONS`, `ACTION_NAMES`, `ACTION_NAME_ENDS`, ...) and one
//! invocation of these macros per enum; the macros name those tables, which resolve in the
//! invoking module.

/// `impl Action`, `TypedAction`, `Debug` and `Display` for a service's `Action` enum.
macro_rules! action_methods {
    (prefix = $prefix:literal, first = $first:literal, example = $example:literal) => {
        impl Action {
            /// Every action of the service, in ID order (by lowercase name).
            pub const ALL: &'static [Action] = &ACTIONS;

            #[doc = concat!("The full name as AWS spells it: `", $prefix, ":", $example, "`.")]
            #[inline]
            pub fn as_str(self) -> &'static str {
                crate::nth_name(ACTION_NAMES, &ACTION_NAME_ENDS, self as usize)
            }

            #[doc = concat!("The name without the service prefix: `", $example, "`.")]
            #[inline]
            pub fn name(self) -> &'static str {
                self.as_str().split_once(':').map_or("", |(_, name)| name)
            }

            /// The action's entry in the [index](crate::index): description, access levels,
            /// resource types, condition keys.
            #[inline]
            pub fn info(self) -> crate::index::ActionInfo {
                crate::index::catalog().action_by_id(crate::TypedAction::action_id(self))
            }
        }

        impl crate::TypedAction for Action {
            #[inline]
            fn action_id(self) -> crate::index::ActionId {
                crate::typed::action_id($first, self as u32)
            }

            #[inline]
            fn as_str(self) -> &'static str {
                Action::as_str(self)
            }
        }

        impl core::fmt::Debug for Action {
            #[inline]
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl core::fmt::Display for Action {
            #[inline]
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

/// `impl ResourceType` and `Debug` for a service's `ResourceType` enum; `(empty)` for a service
/// without resource types.
macro_rules! resource_type_methods {
    () => {
        impl ResourceType {
            /// The name as AWS spells it.
            #[inline]
            pub fn as_str(self) -> &'static str {
                crate::nth_name(RESOURCE_TYPE_NAMES, &RESOURCE_TYPE_NAME_ENDS, self as usize)
            }
        }
        resource_type_methods!(@shared);
    };
    (empty) => {
        impl ResourceType {
            /// The name as AWS spells it.
            #[inline]
            pub fn as_str(self) -> &'static str {
                match self {}
            }
        }
        resource_type_methods!(@shared);
    };
    (@shared) => {
        impl ResourceType {
            /// Every resource type of the service, by lowercase name.
            pub const ALL: &'static [ResourceType] = &RESOURCE_TYPES;

            /// The resource type's entry in the [index](crate::index): ARN formats, condition
            /// keys, ARN matching.
            #[inline]
            pub fn info(self) -> Option<crate::index::ResourceTypeInfo> {
                crate::index::catalog()
                    .service(PREFIX)?
                    .resource_type(self.as_str())
            }
        }

        impl core::fmt::Debug for ResourceType {
            #[inline]
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

/// `impl ConditionKey` and `Debug` for a `ConditionKey` enum; `(empty)` for one without keys.
macro_rules! condition_key_methods {
    () => {
        impl ConditionKey {
            /// The key as AWS spells it, templates included (`aws:RequestTag/${TagKey}`).
            #[inline]
            pub fn as_str(self) -> &'static str {
                crate::nth_name(CONDITION_KEY_NAMES, &CONDITION_KEY_NAME_ENDS, self as usize)
            }

            /// The type of the key's value.
            #[inline]
            pub fn value_type(self) -> crate::index::KeyType {
                CONDITION_KEY_TYPES[self as usize]
            }
        }
        condition_key_methods!(@shared);
    };
    (empty) => {
        impl ConditionKey {
            /// The key as AWS spells it, templates included (`aws:RequestTag/${TagKey}`).
            #[inline]
            pub fn as_str(self) -> &'static str {
                match self {}
            }

            /// The type of the key's value.
            #[inline]
            pub fn value_type(self) -> crate::index::KeyType {
                match self {}
            }
        }
        condition_key_methods!(@shared);
    };
    (@shared) => {
        impl ConditionKey {
            /// Every key, by lowercase name.
            pub const ALL: &'static [ConditionKey] = &CONDITION_KEYS;

            /// The key's entry in the [index](crate::index).
            #[inline]
            pub fn info(self) -> Option<crate::index::ConditionKeyInfo> {
                crate::index::catalog().condition_key(self.as_str())
            }
        }

        impl core::fmt::Debug for ConditionKey {
            #[inline]
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

/// The index ID of the action at `offset` in a service whose first action has ID `first`.
#[inline]
pub(crate) const fn action_id(first: u32, offset: u32) -> crate::index::ActionId {
    crate::index::ActionId(first + offset)
}

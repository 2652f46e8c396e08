//! The closed vocabularies of the domain (DOMAIN.md): element kinds, relation
//! kinds, roles, grouping models, lifecycle stages, the capability model and
//! the product activities. Each is stored and sent as a stable snake_case word.

/// Declares a closed vocabulary: an enum with its stable words, `ALL` in a
/// fixed order, `as_str`, `FromStr` and a human label.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $word:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant,)+ }

        // Serialised as its stable word, so files, JSON and `as_str` agree.
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let word = <std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(deserializer)?;
                word.parse().map_err(::serde::de::Error::custom)
            }
        }

        impl $name {
            /// Every value, in the order the app lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The stable word used in files and on the wire.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word,)+ }
            }

            /// The word a person reads.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label,)+ }
            }
        }

        impl std::str::FromStr for $name {
            type Err = crate::ModelError;
            fn from_str(word: &str) -> Result<Self, Self::Err> {
                match word {
                    $($word => Ok($name::$variant),)+
                    _ => Err(crate::ModelError::UnknownWord {
                        vocabulary: stringify!($name),
                        word: word.to_owned(),
                    }),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub(crate) use vocabulary;

vocabulary!(
    /// What an element on the map is.
    ElementKind {
        ServiceArea = "service_area", "Service area";
        Product = "product", "Product";
        Service = "service", "Service";
        Family = "family", "Family";
        Application = "application", "Application";
        Platform = "platform", "Platform";
        Infrastructure = "infrastructure", "Infrastructure";
        MarketSegment = "market_segment", "Market segment";
        OrgUnit = "org_unit", "Org unit";
        Team = "team", "Team";
        Person = "person", "Person";
    }
);

impl ElementKind {
    /// Products and services in the wide sense: things with end users, which
    /// the practice says must have an accountable owner.
    pub fn is_ownable_offering(self) -> bool {
        matches!(
            self,
            ElementKind::ServiceArea | ElementKind::Product | ElementKind::Service | ElementKind::Family
        )
    }

    /// The label of several: "Service areas", "Families", "Infrastructure".
    pub fn plural_label(self) -> &'static str {
        match self {
            ElementKind::ServiceArea => "Service areas",
            ElementKind::Product => "Products",
            ElementKind::Service => "Services",
            ElementKind::Family => "Families",
            ElementKind::Application => "Applications",
            ElementKind::Platform => "Platforms",
            ElementKind::Infrastructure => "Infrastructure",
            ElementKind::MarketSegment => "Market segments",
            ElementKind::OrgUnit => "Org units",
            ElementKind::Team => "Teams",
            ElementKind::Person => "People",
        }
    }

    /// Technical assets: applications, platforms and infrastructure.
    pub fn is_technical(self) -> bool {
        matches!(
            self,
            ElementKind::Application | ElementKind::Platform | ElementKind::Infrastructure
        )
    }
}

vocabulary!(
    /// A directed relation between two elements.
    RelationKind {
        RollsUpTo = "rolls_up_to", "rolls up to";
        Supports = "supports", "supports";
        Serves = "serves", "serves";
        BelongsTo = "belongs_to", "belongs to";
        DeliveredBy = "delivered_by", "delivered by";
        CollaboratesWith = "collaborates_with", "collaborates with";
        DottedLine = "dotted_line", "dotted line";
    }
);

vocabulary!(
    /// An ownership role, with its tier.
    Role {
        BusinessOwner = "business_owner", "Business owner";
        ProductManager = "product_manager", "Product manager";
        ProductOwner = "product_owner", "Product owner";
        ServiceOwner = "service_owner", "Service owner";
    }
);

impl Role {
    /// Tier 1 is the top (business owner), tier 3 the team level.
    pub fn tier(self) -> u8 {
        match self {
            Role::BusinessOwner => 1,
            Role::ProductManager => 2,
            Role::ProductOwner | Role::ServiceOwner => 3,
        }
    }
}

vocabulary!(
    /// How a map groups its products (the five grouping models, plus freeform).
    GroupingModel {
        Pyramid = "pyramid", "Pyramid";
        Service = "service", "Service grouping";
        Technical = "technical", "Technical grouping";
        Market = "market", "Market alignment";
        Organizational = "organizational", "Organizational alignment";
        Freeform = "freeform", "Freeform";
    }
);

impl GroupingModel {
    /// The relation this model shows by putting elements in containers: in a
    /// market alignment a product inside a segment's lane serves it, in an
    /// organizational alignment a product inside a division belongs to it,
    /// in a service grouping a service inside a family rolls up to it.
    /// A pyramid shows its hierarchy as lines, so it has none.
    pub fn containment_relation(self) -> Option<RelationKind> {
        match self {
            GroupingModel::Market => Some(RelationKind::Serves),
            GroupingModel::Organizational => Some(RelationKind::BelongsTo),
            GroupingModel::Service => Some(RelationKind::RollsUpTo),
            GroupingModel::Pyramid | GroupingModel::Technical | GroupingModel::Freeform => None,
        }
    }
}

vocabulary!(
    /// What a group on a map stands for; typed by the map's grouping model.
    GroupKind {
        Tier = "tier", "Tier";
        Family = "family", "Family";
        PlatformGroup = "platform_group", "Platform group";
        SegmentLane = "segment_lane", "Segment lane";
        Division = "division", "Division";
        Plain = "plain", "Group";
    }
);

vocabulary!(
    /// Where a product is in its life.
    Lifecycle {
        Idea = "idea", "Idea";
        Mvp = "mvp", "MVP";
        Growth = "growth", "Growth";
        Mature = "mature", "Mature";
        Retiring = "retiring", "Retiring";
        Withdrawn = "withdrawn", "Withdrawn";
    }
);

vocabulary!(
    /// The twelve parts of the owner capability model (four capabilities, three parts each).
    CapabilityPart {
        MarketAnalysis = "market_analysis", "Market analysis";
        BusinessAlignment = "business_alignment", "Business alignment";
        ProductRoadmap = "product_roadmap", "Product roadmap";
        SoftSkills = "soft_skills", "Soft skills";
        Collaboration = "collaboration", "Collaboration";
        DecisionMaking = "decision_making", "Decision making";
        Plan = "plan", "Plan";
        Build = "build", "Build";
        Run = "run", "Run";
        Kpis = "kpis", "KPIs";
        FinancialManagement = "financial_management", "Financial management";
        BusinessModel = "business_model", "Business model";
    }
);

vocabulary!(
    /// The twenty product activities of the activity matrix.
    Activity {
        MarketResearch = "market_research", "Market research";
        CustomerResearch = "customer_research", "Customer research";
        CompetitiveResearch = "competitive_research", "Competitive research";
        ProductPerformance = "product_performance", "Product performance";
        Segmentation = "segmentation", "Segmentation";
        Propositions = "propositions", "Propositions";
        Positioning = "positioning", "Positioning";
        BusinessCases = "business_cases", "Business cases";
        ProductStrategy = "product_strategy", "Product and portfolio strategy";
        VisionEvangelizing = "vision_evangelizing", "Vision and evangelizing";
        Roadmaps = "roadmaps", "Roadmaps";
        Pricing = "pricing", "Pricing";
        ProductDiscovery = "product_discovery", "Product discovery";
        Requirements = "requirements", "Requirements";
        DesignBuild = "design_build", "Design and build";
        OperationalReadiness = "operational_readiness", "Operational readiness and trials";
        Launch = "launch", "Launch";
        ProductPromotion = "product_promotion", "Product promotion";
        SalesMarketingContent = "sales_marketing_content", "Sales and marketing content";
        SalesSupport = "sales_support", "Sales support";
    }
);

vocabulary!(
    /// How a role takes part in an activity.
    Responsibility {
        UsuallyOwns = "usually_owns", "Usually owns";
        OwnsUnlessDedicated = "owns_unless_dedicated", "Owns unless a dedicated team does it";
        OwnsHighLevel = "owns_high_level", "Owns the high level";
        Supports = "supports", "Supports others";
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_parses_back_to_its_value() {
        for kind in ElementKind::ALL {
            assert_eq!(kind.as_str().parse::<ElementKind>().ok(), Some(*kind));
        }
        for activity in Activity::ALL {
            assert_eq!(activity.as_str().parse::<Activity>().ok(), Some(*activity));
        }
        assert_eq!(Activity::ALL.len(), 20);
        assert_eq!(CapabilityPart::ALL.len(), 12);
    }

    #[test]
    fn serde_uses_the_stable_word() {
        let json = serde_json::to_string(&ElementKind::MarketSegment).unwrap_or_default();
        assert_eq!(json, "\"market_segment\"");
    }

    #[test]
    fn unknown_word_is_an_error_naming_the_vocabulary() {
        let err = "robot".parse::<ElementKind>().err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("ElementKind") && err.contains("robot"), "{err}");
    }

    #[test]
    fn tiers_follow_the_roles() {
        assert_eq!(Role::BusinessOwner.tier(), 1);
        assert_eq!(Role::ProductManager.tier(), 2);
        assert_eq!(Role::ServiceOwner.tier(), Role::ProductOwner.tier());
    }
}

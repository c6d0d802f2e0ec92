//! Every IAM policy document and statement fragment of the seed pages (AWS's Bedrock and
//! SageMaker permission pages), written with `policy!` and `statement!`.
//!
//! Shared by `examples/seeds.rs` (which prints them) and `tests/seeds.rs` (which compares them
//! with `tests/data/seeds/*.json`). Each document keeps AWS's exact shape: a bare `Action` string
//! is written without brackets, a one-item array with them; `on *` is `"Resource": "*"`.
//!
//! The pages are documentation, so they use placeholders (`account-id`, `region`,
//! `DOC-EXAMPLE-BUCKET1`); `#![allow(placeholder_value)]` says that this is on purpose.

use typed_iam::model::cors::{CorsConfiguration, CorsRule, Method};
use typed_iam::{policy, statement};
use typed_iam::{Policy, Statement};

/// A seed document: a whole policy, a statement fragment, or the S3 CORS configuration that the
/// Bedrock model evaluation page asks for.
pub enum Document {
    /// A policy document.
    Policy(Policy),
    /// A statement fragment, to be added to a policy.
    Statement(Statement),
    /// An S3 bucket's CORS configuration.
    Cors(CorsConfiguration),
}

impl Document {
    /// The document as compact JSON.
    pub fn to_json(&self) -> String {
        match self {
            Document::Policy(policy) => policy.to_json(),
            Document::Statement(statement) => statement.to_json(),
            Document::Cors(cors) => cors.to_json(),
        }
    }
}

/// Every seed document with its name (`<seed>_<block>`), in name order.
pub fn all() -> Vec<(&'static str, Document)> {
    use Document::{Policy as P, Statement as S};
    vec![
        // 000: Amazon Bedrock model evaluation, console access.
        ("000_00", P(model_evaluation_console())),
        ("000_01", P(human_based_evaluation())),
        ("000_02", Document::Cors(evaluation_bucket_cors())),
        // 001: Bedrock model customization: the service role.
        ("001_00", P(model_customization_trust())),
        ("001_01", P(model_customization_buckets())),
        // 002: the managed policy AmazonBedrockFullAccess, from the page's table.
        ("002_00", P(bedrock_full_access())),
        // 003: Bedrock managed policies.
        ("003_00", P(bedrock_marketplace_full_access())),
        ("003_01", P(bedrock_read_only())),
        // 004: SageMaker execution roles, for each kind of job.
        ("004_00", P(sagemaker_buckets())),
        ("004_01", P(sagemaker_trust())),
        ("004_02", P(sagemaker_endpoints())),
        ("004_03", S(vpc_access())),
        ("004_04", S(kms_decrypt())),
        ("004_05", S(kms_encrypt())),
        ("004_06", S(kms_create_grant())),
        ("004_07", P(kms_grant_on_key())),
        ("004_08", P(kms_key_policy())),
        ("004_09", P(private_registry())),
        ("004_10", P(notebook_instance())),
        ("004_11", P(training_job_scoped())),
        ("004_12", P(job_role())),
        ("004_13", P(job_role_scoped())),
        ("004_14", S(vpc_access())),
        ("004_15", S(kms_decrypt())),
        ("004_16", S(kms_encrypt())),
        ("004_17", S(kms_create_grant())),
        ("004_18", P(job_role())),
        ("004_19", P(job_role_scoped())),
        ("004_20", S(vpc_access())),
        ("004_21", S(kms_decrypt())),
        ("004_22", S(kms_encrypt())),
        ("004_23", S(kms_create_grant())),
        ("004_24", P(job_role())),
        ("004_25", P(job_role_scoped())),
        ("004_26", S(vpc_access())),
        ("004_27", S(kms_decrypt())),
        ("004_28", S(kms_encrypt())),
        ("004_29", S(kms_create_grant())),
        ("004_30", P(model_role())),
        ("004_31", P(model_role_scoped())),
        ("004_32", S(vpc_access())),
    ]
}

fn model_evaluation_console() -> Policy {
    policy! {
        "BedrockConsole": allow [
            bedrock:CreateEvaluationJob, bedrock:GetEvaluationJob, bedrock:ListEvaluationJobs,
            bedrock:StopEvaluationJob, bedrock:GetCustomModel, bedrock:ListCustomModels,
            bedrock:CreateProvisionedModelThroughput, bedrock:UpdateProvisionedModelThroughput,
            bedrock:GetProvisionedModelThroughput, bedrock:ListProvisionedModelThroughputs,
            bedrock:ListTagsForResource, bedrock:UntagResource, bedrock:TagResource,
        ] on *;

        "AllowConsoleS3AccessForModelEvaluation": allow [
            s3:GetObject, s3:GetBucketCORS, s3:ListBucket, s3:ListBucketVersions,
            s3:GetBucketLocation,
        ] on *;
    }
}

fn human_based_evaluation() -> Policy {
    policy! {
        "AllowCognitionActionsForWorkTeamCreations": allow [
            cognito-idp:CreateUserPool, cognito-idp:CreateUserPoolClient, cognito-idp:CreateGroup,
            cognito-idp:AdminCreateUser, cognito-idp:AdminAddUserToGroup,
            cognito-idp:CreateUserPoolDomain, cognito-idp:UpdateUserPool,
            cognito-idp:ListUsersInGroup, cognito-idp:ListUsers,
            cognito-idp:AdminRemoveUserFromGroup,
        ] on *;

        "AllowSageMakerResourceCreation": allow [
            sagemaker:CreateFlowDefinition, sagemaker:CreateWorkforce, sagemaker:CreateWorkteam,
            sagemaker:DescribeFlowDefinition, sagemaker:DescribeHumanLoop,
            sagemaker:ListFlowDefinitions, sagemaker:ListHumanLoops, sagemaker:DescribeWorkforce,
            sagemaker:DescribeWorkteam, sagemaker:ListWorkteams, sagemaker:ListWorkforces,
            sagemaker:DeleteFlowDefinition, sagemaker:DeleteHumanLoop, sagemaker:RenderUiTemplate,
            sagemaker:StartHumanLoop, sagemaker:StopHumanLoop,
        ] on *;
    }
}

fn model_customization_trust() -> Policy {
    policy! {
        #![allow(placeholder_value)]
        allow sts:AssumeRole for service "bedrock.amazonaws.com" when {
            StringEquals aws:SourceAccount: "account-id",
            ArnEquals aws:SourceArn: "arn:aws:bedrock:us-east-1:account-id:model-customization-job/*",
        };
    }
}

fn model_customization_buckets() -> Policy {
    policy! {
        allow [s3:GetObject, s3:ListBucket] on [
            "arn:aws:s3:::training-bucket", "arn:aws:s3:::training-bucket/*",
            "arn:aws:s3:::validation-bucket", "arn:aws:s3:::validation-bucket/*",
        ];
        allow [s3:GetObject, s3:PutObject, s3:ListBucket] on [
            "arn:aws:s3:::output-bucket", "arn:aws:s3:::output-bucket/*",
        ];
    }
}

fn bedrock_full_access() -> Policy {
    policy! {
        // AWS's own policy names KMS keys without an account (`arn:*:kms:*:::*`).
        #![allow(resource_type_mismatch)]
        "BedrockAPIs": allow [
            bedrock:Get*, bedrock:List*, bedrock:CallWithBearerToken,
            bedrock:BatchDeleteEvaluationJob, bedrock:CreateEvaluationJob, bedrock:CreateGuardrail,
            bedrock:CreateGuardrailVersion, bedrock:CreateInferenceProfile,
            bedrock:CreateModelCopyJob, bedrock:CreateModelCustomizationJob,
            bedrock:CreateModelImportJob, bedrock:CreateModelInvocationJob,
            bedrock:CreatePromptRouter, bedrock:CreateProvisionedModelThroughput,
            bedrock:DeleteCustomModel, bedrock:DeleteGuardrail, bedrock:DeleteImportedModel,
            bedrock:DeleteInferenceProfile, bedrock:DeletePromptRouter,
            bedrock:DeleteProvisionedModelThroughput, bedrock:StopEvaluationJob,
            bedrock:StopModelCustomizationJob, bedrock:StopModelInvocationJob,
            bedrock:TagResource, bedrock:UntagResource, bedrock:UpdateGuardrail,
            bedrock:UpdateProvisionedModelThroughput, bedrock:ApplyGuardrail,
            bedrock:InvokeModel, bedrock:InvokeModelWithResponseStream,
        ] on *;

        "DescribeKey": allow [kms:DescribeKey] on "arn:*:kms:*:::*";

        "APIsWithAllResourceAccess": allow [
            iam:ListRoles, ec2:DescribeVpcs, ec2:DescribeSubnets, ec2:DescribeSecurityGroups,
        ] on *;

        "BedrockMantleAPIs": allow [
            bedrock-mantle:CallWithBearerToken, bedrock-mantle:Get*, bedrock-mantle:List*,
            bedrock-mantle:CreateInference,
        ] on *;

        "MarketplaceOperationsFromBedrockFor3pModels": allow [
            aws-marketplace:Subscribe, aws-marketplace:ViewSubscriptions,
            aws-marketplace:Unsubscribe,
        ] on * when {
            StringEquals aws:CalledViaLast: "bedrock.amazonaws.com",
        };
    }
}

fn bedrock_marketplace_full_access() -> Policy {
    policy! {
        #![allow(resource_type_mismatch)]
        "BedrockAll": allow [bedrock:*] on *;

        "DescribeKey": allow [kms:DescribeKey] on "arn:*:kms:*:::*";

        "APIsWithAllResourceAccess": allow [
            iam:ListRoles, ec2:DescribeVpcs, ec2:DescribeSubnets, ec2:DescribeSecurityGroups,
        ] on *;

        "MarketplaceModelEndpointMutatingAPIs": allow [
            sagemaker:CreateEndpoint, sagemaker:CreateEndpointConfig, sagemaker:CreateModel,
            sagemaker:DeleteEndpoint, sagemaker:UpdateEndpoint,
        ] on [
            "arn:aws:sagemaker:*:*:endpoint/*", "arn:aws:sagemaker:*:*:endpoint-config/*",
            "arn:aws:sagemaker:*:*:model/*",
        ] when {
            StringEquals aws:CalledViaLast: "bedrock.amazonaws.com",
            StringEquals "aws:ResourceTag/sagemaker-sdk:bedrock": "compatible",
        };

        "MarketplaceModelEndpointAddTagsOperations": allow [sagemaker:AddTags] on [
            "arn:aws:sagemaker:*:*:endpoint/*", "arn:aws:sagemaker:*:*:endpoint-config/*",
            "arn:aws:sagemaker:*:*:model/*",
        ] when {
            ForAllValues:StringEquals aws:TagKeys: [
                "sagemaker-sdk:bedrock", "bedrock:marketplace-registration-status",
                "sagemaker-studio:hub-content-arn",
            ],
            StringLike "aws:RequestTag/sagemaker-sdk:bedrock": "compatible",
            StringLike "aws:RequestTag/bedrock:marketplace-registration-status": "registered",
            StringLike "aws:RequestTag/sagemaker-studio:hub-content-arn":
                "arn:aws:sagemaker:*:aws:hub-content/SageMakerPublicHub/Model/*",
        };

        "MarketplaceModelEndpointDeleteTagsOperations": allow [sagemaker:DeleteTags] on [
            "arn:aws:sagemaker:*:*:endpoint/*", "arn:aws:sagemaker:*:*:endpoint-config/*",
            "arn:aws:sagemaker:*:*:model/*",
        ] when {
            ForAllValues:StringEquals aws:TagKeys: [
                "sagemaker-sdk:bedrock", "bedrock:marketplace-registration-status",
                "sagemaker-studio:hub-content-arn",
            ],
            StringLike "aws:ResourceTag/sagemaker-sdk:bedrock": "compatible",
            StringLike "aws:ResourceTag/bedrock:marketplace-registration-status": "registered",
            StringLike "aws:ResourceTag/sagemaker-studio:hub-content-arn":
                "arn:aws:sagemaker:*:aws:hub-content/SageMakerPublicHub/Model/*",
        };

        "MarketplaceModelEndpointNonMutatingAPIs": allow [
            sagemaker:DescribeEndpoint, sagemaker:DescribeEndpointConfig,
            sagemaker:DescribeModel, sagemaker:ListTags,
        ] on [
            "arn:aws:sagemaker:*:*:endpoint/*", "arn:aws:sagemaker:*:*:endpoint-config/*",
            "arn:aws:sagemaker:*:*:model/*",
        ] when {
            StringEquals aws:CalledViaLast: "bedrock.amazonaws.com",
        };

        "MarketplaceModelEndpointInvokingOperations": allow [
            sagemaker:InvokeEndpoint, sagemaker:InvokeEndpointWithResponseStream,
        ] on ["arn:aws:sagemaker:*:*:endpoint/*"] when {
            StringEquals aws:CalledViaLast: "bedrock.amazonaws.com",
            StringEquals "aws:ResourceTag/sagemaker-sdk:bedrock": "compatible",
        };

        "DiscoveringMarketplaceModel": allow [sagemaker:DescribeHubContent] on [
            "arn:aws:sagemaker:*:aws:hub-content/SageMakerPublicHub/Model/*",
            "arn:aws:sagemaker:*:aws:hub/SageMakerPublicHub",
        ];

        "AllowMarketplaceModelsListing": allow [sagemaker:ListHubContents]
            on "arn:aws:sagemaker:*:aws:hub/SageMakerPublicHub";

        "PassRoleToSageMaker": allow [iam:PassRole] on ["arn:aws:iam::*:role/*SageMaker*ForBedrock*"] when {
            StringEquals iam:PassedToService: ["sagemaker.amazonaws.com", "bedrock.amazonaws.com"],
        };

        "PassRoleToBedrock": allow [iam:PassRole] on "arn:aws:iam::*:role/*AmazonBedrock*" when {
            StringEquals iam:PassedToService: ["bedrock.amazonaws.com"],
        };
    }
}

fn bedrock_read_only() -> Policy {
    policy! {
        "AmazonBedrockReadOnly": allow [bedrock:Get*, bedrock:List*] on *;

        "MarketplaceModelEndpointNonMutatingAPIs": allow [
            sagemaker:DescribeEndpoint, sagemaker:DescribeEndpointConfig, sagemaker:DescribeModel,
            sagemaker:DescribeInferenceComponent, sagemaker:ListEndpoints, sagemaker:ListTags,
        ] on [
            "arn:aws:sagemaker:*:*:endpoint/*", "arn:aws:sagemaker:*:*:endpoint-config/*",
            "arn:aws:sagemaker:*:*:model/*",
        ] when {
            StringEquals aws:CalledViaLast: "bedrock.amazonaws.com",
        };

        "DiscoveringMarketplaceModel": allow [sagemaker:DescribeHubContent] on [
            "arn:aws:sagemaker:*:aws:hub-content/SageMakerPublicHub/Model/*",
            "arn:aws:sagemaker:*:aws:hub/SageMakerPublicHub",
        ];

        "AllowMarketplaceModelsListing": allow [sagemaker:ListHubContents]
            on "arn:aws:sagemaker:*:aws:hub/SageMakerPublicHub";
    }
}

fn sagemaker_buckets() -> Policy {
    policy! {
        // The page writes `GetBucketCors`; IAM ignores case, AWS spells it `GetBucketCORS`.
        #![allow(placeholder_value, action_case)]
        allow [s3:GetObject, s3:PutObject, s3:DeleteObject, s3:AbortMultipartUpload] on [
            "arn:aws:s3:::DOC-EXAMPLE-BUCKET1/*", "arn:aws:s3:::DOC-EXAMPLE-BUCKET2/*",
        ];
        allow [
            s3:CreateBucket, s3:GetBucketLocation, s3:ListBucket, s3:ListAllMyBuckets,
            s3:GetBucketCors, s3:PutBucketCors,
        ] on *;
        allow [s3:GetBucketAcl, s3:PutObjectAcl] on [
            "arn:aws:s3:::DOC-EXAMPLE-BUCKET1", "arn:aws:s3:::DOC-EXAMPLE-BUCKET2",
        ];
    }
}

fn sagemaker_trust() -> Policy {
    policy! {
        allow sts:AssumeRole for service "sagemaker.amazonaws.com";
    }
}

fn sagemaker_endpoints() -> Policy {
    policy! {
        allow [iam:PassRole] on * when {
            StringEquals iam:PassedToService: "sagemaker.amazonaws.com",
        };
        allow [
            sagemaker:DescribeEndpointConfig, sagemaker:DescribeModel, sagemaker:InvokeEndpoint,
            sagemaker:ListTags, sagemaker:DescribeEndpoint, sagemaker:CreateModel,
            sagemaker:CreateEndpointConfig, sagemaker:CreateEndpoint, sagemaker:DeleteModel,
            sagemaker:DeleteEndpointConfig, sagemaker:DeleteEndpoint,
            cloudwatch:PutMetricData,
            logs:CreateLogStream, logs:PutLogEvents, logs:CreateLogGroup, logs:DescribeLogStreams,
            s3:GetObject, s3:PutObject, s3:ListBucket,
            ecr:GetAuthorizationToken, ecr:BatchCheckLayerAvailability,
            ecr:GetDownloadUrlForLayer, ecr:BatchGetImage,
        ] on *;
    }
}

/// A fragment: the network interfaces a job in a VPC needs (its `Resource` comes later).
fn vpc_access() -> Statement {
    statement! {
        allow [
            ec2:CreateNetworkInterface, ec2:CreateNetworkInterfacePermission,
            ec2:DeleteNetworkInterface, ec2:DeleteNetworkInterfacePermission,
            ec2:DescribeNetworkInterfaces, ec2:DescribeVpcs, ec2:DescribeDhcpOptions,
            ec2:DescribeSubnets, ec2:DescribeSecurityGroups,
        ]
    }
}

fn kms_decrypt() -> Statement {
    statement! { allow [kms:Decrypt] }
}

fn kms_encrypt() -> Statement {
    statement! { allow [kms:Encrypt] }
}

fn kms_create_grant() -> Statement {
    statement! { allow [kms:CreateGrant] }
}

fn kms_grant_on_key() -> Policy {
    policy! {
        #![allow(placeholder_value)]
        allow [kms:CreateGrant, kms:DescribeKey] on "arn:aws:kms:region:account-id:key/kms-key-id";
    }
}

fn kms_key_policy() -> Policy {
    policy! {
        #![allow(placeholder_value)]
        "Allow use of the key": allow [kms:CreateGrant, kms:DescribeKey]
            for aws ["arn:aws:iam::account-id:role/ExecutionRole"]
            on *;
    }
}

fn private_registry() -> Policy {
    policy! {
        allow [ecr:BatchGetImage, ecr:GetDownloadUrlForLayer] on *;
        allow [iam:PassRole] on * when {
            StringEquals iam:PassedToService: "sagemaker.amazonaws.com",
        };
    }
}

fn notebook_instance() -> Policy {
    policy! {
        allow [
            sagemaker:*,
            ecr:GetAuthorizationToken, ecr:GetDownloadUrlForLayer, ecr:BatchGetImage,
            ecr:BatchCheckLayerAvailability, ecr:SetRepositoryPolicy, ecr:CompleteLayerUpload,
            ecr:BatchDeleteImage, ecr:UploadLayerPart, ecr:DeleteRepositoryPolicy,
            ecr:InitiateLayerUpload, ecr:DeleteRepository, ecr:PutImage, ecr:CreateRepository,
            cloudwatch:PutMetricData, cloudwatch:GetMetricData, cloudwatch:GetMetricStatistics,
            cloudwatch:ListMetrics,
            logs:CreateLogGroup, logs:CreateLogStream, logs:DescribeLogStreams, logs:PutLogEvents,
            logs:GetLogEvents,
            s3:CreateBucket, s3:ListBucket, s3:GetBucketLocation, s3:GetObject, s3:PutObject,
            s3:DeleteObject,
            robomaker:CreateSimulationApplication, robomaker:DescribeSimulationApplication,
            robomaker:DeleteSimulationApplication, robomaker:CreateSimulationJob,
            robomaker:DescribeSimulationJob, robomaker:CancelSimulationJob,
            ec2:CreateVpcEndpoint, ec2:DescribeRouteTables,
            elasticfilesystem:DescribeMountTargets,
        ] on *;
        allow [codecommit:GitPull, codecommit:GitPush] on [
            "arn:aws:codecommit:*:*:*sagemaker*", "arn:aws:codecommit:*:*:*SageMaker*",
            "arn:aws:codecommit:*:*:*Sagemaker*",
        ];
        allow [iam:PassRole] on * when {
            StringEquals iam:PassedToService: "sagemaker.amazonaws.com",
        };
    }
}

fn training_job_scoped() -> Policy {
    policy! {
        // The page's ECR repository ARNs have no account (a real defect of the page).
        #![allow(placeholder_value, resource_type_mismatch)]
        allow [
            sagemaker:*, ecr:GetAuthorizationToken, cloudwatch:PutMetricData,
            logs:CreateLogGroup, logs:CreateLogStream, logs:DescribeLogStreams, logs:PutLogEvents,
            logs:GetLogEvents,
        ] on *;
        allow [iam:PassRole] on * when {
            StringEquals iam:PassedToService: "sagemaker.amazonaws.com",
        };
        allow [s3:ListBucket] on ["arn:aws:s3:::inputbucket"];
        allow [s3:GetObject, s3:PutObject, s3:DeleteObject] on [
            "arn:aws:s3:::inputbucket/object1", "arn:aws:s3:::outputbucket/path",
            "arn:aws:s3:::inputbucket/object2", "arn:aws:s3:::inputbucket/object3",
        ];
        allow [ecr:BatchCheckLayerAvailability, ecr:GetDownloadUrlForLayer, ecr:BatchGetImage] on [
            "arn:aws:ecr:region::repository/my-repo1", "arn:aws:ecr:region::repository/my-repo2",
            "arn:aws:ecr:region::repository/my-repo3",
        ];
    }
}

/// The role of a processing, training or tuning job (the page repeats it for each).
fn job_role() -> Policy {
    policy! {
        allow [
            cloudwatch:PutMetricData,
            logs:CreateLogStream, logs:PutLogEvents, logs:CreateLogGroup, logs:DescribeLogStreams,
            s3:GetObject, s3:PutObject, s3:ListBucket,
            ecr:GetAuthorizationToken, ecr:BatchCheckLayerAvailability,
            ecr:GetDownloadUrlForLayer, ecr:BatchGetImage,
        ] on *;
    }
}

/// The same role, scoped to named buckets and a repository.
fn job_role_scoped() -> Policy {
    policy! {
        // The page's ECR repository ARNs have no account (a real defect of the page).
        #![allow(placeholder_value, resource_type_mismatch)]
        allow [
            cloudwatch:PutMetricData,
            logs:CreateLogStream, logs:PutLogEvents, logs:CreateLogGroup, logs:DescribeLogStreams,
            ecr:GetAuthorizationToken,
        ] on *;
        allow [s3:ListBucket] on ["arn:aws:s3:::inputbucket"];
        allow [s3:GetObject, s3:PutObject] on [
            "arn:aws:s3:::inputbucket/object", "arn:aws:s3:::outputbucket/path",
        ];
        allow [ecr:BatchCheckLayerAvailability, ecr:GetDownloadUrlForLayer, ecr:BatchGetImage]
            on "arn:aws:ecr:region::repository/my-repo";
    }
}

/// The role of a model (CreateModel).
fn model_role() -> Policy {
    policy! {
        allow [
            cloudwatch:PutMetricData,
            logs:CreateLogStream, logs:PutLogEvents, logs:CreateLogGroup, logs:DescribeLogStreams,
            s3:GetObject,
            ecr:GetAuthorizationToken, ecr:BatchCheckLayerAvailability,
            ecr:GetDownloadUrlForLayer, ecr:BatchGetImage,
        ] on *;
    }
}

fn model_role_scoped() -> Policy {
    policy! {
        // The page lists the repository twice and without an account (real defects, kept as
        // AWS wrote them).
        #![allow(placeholder_value, duplicate_resource, resource_type_mismatch)]
        allow [
            cloudwatch:PutMetricData,
            logs:CreateLogStream, logs:PutLogEvents, logs:CreateLogGroup, logs:DescribeLogStreams,
            ecr:GetAuthorizationToken,
        ] on *;
        allow [s3:GetObject] on ["arn:aws:s3:::inputbucket/object"];
        allow [ecr:BatchCheckLayerAvailability, ecr:GetDownloadUrlForLayer, ecr:BatchGetImage] on [
            "arn:aws:ecr:region::repository/my-repo", "arn:aws:ecr:region::repository/my-repo",
        ];
    }
}

/// 000: the CORS configuration the evaluation job's bucket needs for console-created jobs.
fn evaluation_bucket_cors() -> CorsConfiguration {
    CorsConfiguration {
        rules: vec![CorsRule {
            allowed_headers: Some(vec!["*".to_owned()]),
            allowed_methods: vec![Method::Get, Method::Put, Method::Post, Method::Delete],
            allowed_origins: vec!["*".to_owned()],
            expose_headers: Some(vec!["Access-Control-Allow-Origin".to_owned()]),
            ..CorsRule::default()
        }],
    }
}

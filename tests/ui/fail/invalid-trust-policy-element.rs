use typed_iam::policy;

fn main() {
    let _ = policy! {
        #![kind = trust]
        allow sts:AssumeRole for service "ec2.amazonaws.com" on *;
    };
}

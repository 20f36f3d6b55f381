export default function SignUpPage() {
  return <p className="p-8">SignUpPage is being built.</p>;
}

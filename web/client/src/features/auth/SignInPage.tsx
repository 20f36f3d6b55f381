export default function SignInPage() {
  return <p className="p-8">SignInPage is being built.</p>;
}

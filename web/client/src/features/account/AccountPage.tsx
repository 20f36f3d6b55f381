export default function AccountPage() {
  return <p className="p-8">AccountPage is being built.</p>;
}

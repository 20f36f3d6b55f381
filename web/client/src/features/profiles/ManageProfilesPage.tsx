export default function ManageProfilesPage() {
  return <p className="p-8">ManageProfilesPage is being built.</p>;
}

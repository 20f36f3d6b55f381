// Whether the viewer picked the active profile since signing in. Kept in localStorage
// so a reload or a new tab does not ask "Who's watching?" again; a sign-in clears it.
const KEY = 'kinora.chosen-profile';

export const profileChoice = {
  isChosen: (profileId: number) => localStorage.getItem(KEY) === String(profileId),
  choose: (profileId: number) => localStorage.setItem(KEY, String(profileId)),
  forget: () => localStorage.removeItem(KEY),
};

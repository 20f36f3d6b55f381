// Design tokens both apps share; each app's tailwind.config lists its own content.
module.exports = {
  theme: {
    extend: {
      colors: {
        brand: { 400: '#f9a8d4', 500: '#ec4899', 600: '#db2777' },
      },
      fontFamily: {
        sans: ['system-ui', '-apple-system', 'Segoe UI', 'Roboto', 'Helvetica Neue', 'Arial', 'sans-serif'],
      },
    },
  },
};

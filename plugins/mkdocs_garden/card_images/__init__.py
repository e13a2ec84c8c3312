"""Card images: the picture a chat app shows beside a shared link to a note that names none.

Each is drawn with matplotlib and a CJK font found on the machine, in a worker process while
the site builds, and kept in a cache folder by what it shows (`plan`, `fonts`, `drawing`,
`runner`)."""

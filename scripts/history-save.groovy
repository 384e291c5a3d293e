// Saving the client history and checking it again: history --save FILE, then lincheck FILE.
//
// The lab's clients record every operation they make (invocation, completion, ok/fail/unknown, in virtual time),
// and `check` judges that history at once. `history --save FILE` writes it to a file, in the very form `history`
// prints, so that it can be kept, edited, sent to someone, or checked again later with `lincheck FILE` (which also
// reads Jepsen's EDN and log formats: see transcripts/lincheck.txt). A transcript may not write files, so this
// lesson is a script.
//
// Run it: ./lab run scripts/history-save.groovy [FILE]   (default: target/history-save-lesson.txt)

def file = args ? args[0] : 'target/history-save-lesson.txt'

// Three clients for two virtual seconds, then `clients drain` lets each finish what it is on, so that no answer is
// left pending. quietly { } runs the commands without printing the elections, commits and applies.
quietly {
    cluster 5, seed: 3
    clients 3, keys: 2
    tick 2000
    clients 'drain'
    tick 1000
}

// The last few operations, as `history` prints them: #id, the client, the operation, what it returned, and the
// invocation and completion times. c1..c3 are the simulated clients.
history last: 4

// Save the whole history. An existing file is replaced only with force: true (--force in the shell).
history save: file, force: true

// Check the saved file: the same verdict as `check` gives on the live history.
lincheck file

// Now tamper with the file as a bug would: make one read return a value nobody wrote. lincheck reads it back and
// shows the smallest failing part: the read alone, since no write could explain its value.
def lines = new File(file).readLines()
def i = lines.findLastIndexOf { it.contains(' get(') && it.contains(' -> "') }
lines[i] = lines[i].replaceFirst(/ -> "[^"]*"/, ' -> "never-written"')
def broken = file + '.broken'
new File(broken).text = lines.join('\n') + '\n'
lincheck broken

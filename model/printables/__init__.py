"""The printables: workshop card decks, the library as a book and a blank self-assessment worksheet, as
PDFs made from the same YAML as the site, for the rooms where practitioners work on paper.

    python -m model printables     # or: make printables (make build makes them first)

Its steps, one module each: shape (cards.py, book.py, worksheet.py: data from the model, with text.py
for codes, key points and questions), render (render.py: overrides/print/*.jinja.html to HTML, then
WeasyPrint to PDF, offline), impose (impose.py: the A6 cards onto A5 and A4 sheets) and build.py, which
writes them into build/printables with a manifest. The site compiler reads the manifest (manifest.py) and
offers the PDFs on the Downloads page only while they match the sources. Nothing about a library's kinds,
stages or subject is written here: it all comes from practices/ and assessment/.
"""

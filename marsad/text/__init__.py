"""Arabic text: normalisation and tokens, numbers, dates, page-chrome cleaning, shipped word lists.
The floor every other stage stands on; imports nothing else from marsad but `marsad.data`."""

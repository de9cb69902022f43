// The Store module; see STYLE.md for the shape of Åpen.
import ApenCore

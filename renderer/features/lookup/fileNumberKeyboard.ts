/** The keys a file number is made of (CENTER-DEVICE-YYYYMMDD-NNNN): digits, capitals and the dash. */
export const FILE_NUMBER_LAYOUT = {
  default: ['1 2 3 4 5 6 7 8 9 0 - {bksp}', 'Q W E R T Y U I O P {clear}', 'A S D F G H J K L', 'Z X C V B N M'],
};

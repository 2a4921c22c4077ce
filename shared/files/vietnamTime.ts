/** Centers are in Vietnam: times on screens and receipts are Vietnam time, whatever the PC's clock zone. */
export const VIETNAM_TIME = 'Asia/Ho_Chi_Minh';
